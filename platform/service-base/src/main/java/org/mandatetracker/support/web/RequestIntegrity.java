package org.mandatetracker.support.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.mandatetracker.support.text.DateRule;
import org.mandatetracker.support.text.TextRule;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Applies the text and date rules to what arrives outside a JSON body: every path variable and query parameter is
 * checked as single-line text (an empty one is taken as absent), every date parameter by {@link DateRule}, a query
 * parameter the handler does not take is refused, and so is one given twice that takes one value (the binder would
 * quietly keep the first), and a request that declares a body is refused with 415 unless it is JSON in UTF-8 (so no
 * other converter, YAML's say, ever reads a command).
 */
@Configuration(proxyBeanMethods = false)
public class RequestIntegrity implements WebMvcConfigurer, HandlerInterceptor {

    private static final List<MediaType> ACCEPTED = List.of(MediaType.APPLICATION_JSON);
    private static final String OWN_PACKAGES = "org.mandatetracker.";

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addFormatterForFieldType(LocalDate.class, new Formatter<LocalDate>() {
            @Override
            public LocalDate parse(String text, Locale locale) {
                return DateRule.parse(text);
            }

            @Override
            public String print(LocalDate date, Locale locale) {
                return date.toString();
            }
        });
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws HttpMediaTypeNotSupportedException {
        checkMediaType(request);
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
            variables.forEach((name, value) -> check(String.valueOf(name), String.valueOf(value)));
        }
        String query = request.getQueryString();
        if (query != null) {
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                String name = decode("query", equals < 0 ? pair : pair.substring(0, equals));
                check(name, decode(name, equals < 0 ? "" : pair.substring(equals + 1)));
            }
        }
        if (handler instanceof HandlerMethod method) {
            checkParameters(request, method);
        }
        return true;
    }

    /**
     * Each query parameter must be one the handler takes (a misspelt {@code asof} would otherwise be answered as of
     * today, silently), and given once unless it takes several. Only for this project's handlers: the actuator's and
     * the API description's take their own.
     */
    private static void checkParameters(HttpServletRequest request, HandlerMethod method) {
        if (!method.getBeanType().getPackageName().startsWith(OWN_PACKAGES)) {
            return;
        }
        Map<String, Boolean> takesSeveral = new TreeMap<>();
        for (MethodParameter parameter : method.getMethodParameters()) {
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param == null) {
                continue;
            }
            Class<?> type = parameter.nestedIfOptional().getNestedParameterType();
            if (Map.class.isAssignableFrom(type)) {
                return;
            }
            takesSeveral.put(param.name().isEmpty() ? parameter.getParameter().getName() : param.name(),
                    type.isArray() || Collection.class.isAssignableFrom(type));
        }
        request.getParameterMap().forEach((name, values) -> {
            Boolean several = takesSeveral.get(name);
            if (several == null) {
                throw new InvalidRequest(name, "known-parameter", takesSeveral.isEmpty()
                        ? "is not a parameter here; this takes none"
                        : "is not a parameter here; this takes " + String.join(", ", takesSeveral.keySet()));
            }
            if (!several && values.length > 1) {
                throw new InvalidRequest(name, "given-once", "must be given once, not " + values.length + " times");
            }
        });
    }

    /** A query's name or value, decoded as strictly as a body: percent-escapes of well-formed UTF-8 only. */
    private static String decode(String field, String encoded) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                if (i + 2 >= encoded.length() || !HexFormat.isHexDigit(encoded.charAt(i + 1))
                        || !HexFormat.isHexDigit(encoded.charAt(i + 2))) {
                    throw new InvalidRequest(field, "uri", "must be percent-encoded: '%' then two hex digits");
                }
                bytes.write(HexFormat.fromHexDigits(encoded, i + 1, i + 3));
                i += 2;
            } else {
                bytes.write(c == '+' ? ' ' : c);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidRequest(field, "utf-8", "must be percent-encoded UTF-8");
        }
    }

    private static void checkMediaType(HttpServletRequest request) throws HttpMediaTypeNotSupportedException {
        String declared = request.getContentType();
        if (declared == null) {
            return;
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(declared);
        } catch (InvalidMediaTypeException e) {
            throw new HttpMediaTypeNotSupportedException(declared);
        }
        String subtype = type.getSubtype();
        String charset = type.getParameter("charset");
        boolean json = "application".equals(type.getType()) && ("json".equals(subtype) || subtype.endsWith("+json"));
        boolean utf8 = charset == null || "utf-8".equalsIgnoreCase(charset.replace("\"", ""));
        if (!json || !utf8) {
            throw new HttpMediaTypeNotSupportedException(type, ACCEPTED, HttpMethod.valueOf(request.getMethod()));
        }
    }

    private static void check(String name, String value) {
        try {
            TextRule.checkCharacters(value, false);
        } catch (TextRule.Violation violation) {
            throw new InvalidRequest(name, violation.rule(), violation.getMessage());
        }
    }
}
