package org.mandatetracker.support.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.mandatetracker.support.text.DateRule;
import org.mandatetracker.support.text.TextRule;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Applies the text and date rules to what arrives outside a JSON body: every path variable and query parameter is
 * checked as single-line text (an empty one is taken as absent), every date parameter by {@link DateRule}, and a request that declares a body is
 * refused with 415 unless it is JSON in UTF-8 (so no other converter, YAML's say, ever reads a command).
 */
@Configuration(proxyBeanMethods = false)
public class RequestIntegrity implements WebMvcConfigurer, HandlerInterceptor {

    private static final List<MediaType> ACCEPTED = List.of(MediaType.APPLICATION_JSON);

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
        request.getParameterMap().forEach((name, values) -> {
            for (String value : values) {
                check(name, value);
            }
        });
        return true;
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
