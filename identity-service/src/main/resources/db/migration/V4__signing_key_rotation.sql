-- Signing keys rotate: several rows per purpose, the newest signs, the one before it stays published so tokens it
-- signed verify until they expire; older ones are deleted. private_key now holds the AES-GCM encrypted PKCS#8 key
-- ("aesgcm:v1:<base64 iv|ciphertext>"); a plaintext row left by V3 is encrypted in place at the next start.
alter table signing_key drop constraint signing_key_purpose_key;
create index signing_key_purpose_created_idx on signing_key (purpose, created_at desc);
