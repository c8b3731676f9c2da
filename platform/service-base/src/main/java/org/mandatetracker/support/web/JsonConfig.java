package org.mandatetracker.support.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.mandatetracker.support.text.DateRule;
import org.mandatetracker.support.text.TextRule;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

@Configuration(proxyBeanMethods = false)
public class JsonConfig {

    /** A non-character, which the text rule refuses, stands in for each malformed UTF-8 sequence. */
    private static final String MALFORMED = "\uFFFF";

    /**
     * Request bodies are read strictly: an unknown or repeated field, a number where text belongs or text where a
     * number or flag belongs, text that breaks the {@link TextRule} or a date that breaks the {@link DateRule}, is a
     * 400 naming the field, rather than silently dropped or coerced. Absent flags are false. Bytes that are not
     * well-formed UTF-8 arrive as non-characters, so the text rule names the field that held them. Stored events
     * keep the application's lenient mapper.
     */
    @Bean
    MappingJackson2HttpMessageConverter mappingJackson2HttpMessageConverter(Jackson2ObjectMapperBuilder builder) {
        ObjectMapper strict = builder.build();
        strict.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        strict.getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        strict.registerModule(new StrictJsonModule());
        strict.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        strict.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        strict.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        return new StrictUtf8Converter(strict);
    }

    private static final class StrictUtf8Converter extends MappingJackson2HttpMessageConverter {

        StrictUtf8Converter(ObjectMapper mapper) {
            super(mapper);
        }

        @Override
        public Object read(Type type, Class<?> contextClass, HttpInputMessage input) throws IOException {
            return super.read(type, contextClass, strictUtf8(input));
        }

        @Override
        protected Object readInternal(Class<?> type, HttpInputMessage input) throws IOException {
            return super.readInternal(type, strictUtf8(input));
        }

        private static HttpInputMessage strictUtf8(HttpInputMessage input) throws IOException {
            CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .replaceWith(MALFORMED);
            byte[] body = decoder.decode(ByteBuffer.wrap(input.getBody().readAllBytes())).toString()
                    .getBytes(StandardCharsets.UTF_8);
            return new HttpInputMessage() {
                @Override
                public InputStream getBody() {
                    return new ByteArrayInputStream(body);
                }

                @Override
                public HttpHeaders getHeaders() {
                    return input.getHeaders();
                }
            };
        }
    }
}
