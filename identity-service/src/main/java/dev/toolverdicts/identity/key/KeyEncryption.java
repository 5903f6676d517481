package dev.toolverdicts.identity.key;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts private signing keys at rest with AES-256-GCM under the configured key-encryption key (its SHA-256, so
 * any high-entropy string of 32+ bytes works). The key id is the associated data: a ciphertext moved to another row
 * does not decrypt. Stored as {@code aesgcm:v1:<base64(iv | ciphertext | tag)>}.
 */
final class KeyEncryption {

    static final String PREFIX = "aesgcm:v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey kek;

    KeyEncryption(String keyEncryptionKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(keyEncryptionKey.getBytes(StandardCharsets.UTF_8));
            this.kek = new SecretKeySpec(digest, "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    static boolean isEncrypted(String stored) {
        return stored.startsWith(PREFIX);
    }

    String encrypt(String kid, byte[] plaintext) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, kek, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext);
            return PREFIX + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt signing key " + kid, e);
        }
    }

    byte[] decrypt(String kid, String stored) {
        byte[] blob = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, kek, new GCMParameterSpec(TAG_BITS, blob, 0, IV_BYTES));
            cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(blob, IV_BYTES, blob.length - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing key " + kid + " does not decrypt with identity.keys.encryption-key"
                    + " (wrong key-encryption key, or the row was tampered with)", e);
        }
    }
}
