package dev.toolverdicts.comparison.cache;

import java.io.IOException;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Writes a {@link SerializedView}'s bytes. It offers the same media types as the Jackson converter
 * ({@code application/json}, {@code application/*+json}) and no default charset, so content negotiation picks the
 * same Content-Type it picked for the view itself, and a request accepting no JSON still gets 406.
 */
class SerializedViewConverter extends AbstractHttpMessageConverter<SerializedView<?>> {

    SerializedViewConverter() {
        super(MediaType.APPLICATION_JSON, new MediaType("application", "*+json"));
    }

    @Override
    protected boolean supports(Class<?> clazz) {
        return SerializedView.class == clazz;
    }

    @Override
    public boolean canRead(Class<?> clazz, MediaType mediaType) {
        return false;
    }

    @Override
    protected SerializedView<?> readInternal(Class<? extends SerializedView<?>> clazz, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("a serialised view is only written", input);
    }

    @Override
    protected Long getContentLength(SerializedView<?> view, MediaType contentType) {
        return (long) view.json().length;
    }

    @Override
    protected void writeInternal(SerializedView<?> view, HttpOutputMessage output) throws IOException {
        output.getBody().write(view.json());
    }
}
