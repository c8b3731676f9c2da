package org.mandatetracker.support.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import org.mandatetracker.support.text.TextRule;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.net.URI;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Every error leaves as an RFC 9457 problem. Client mistakes list each {@code field} at fault with the {@code rule}
 * it broke, so a caller can fix the request without guessing.
 */
@RestControllerAdvice
public class ProblemResponses extends ResponseEntityExceptionHandler {

    /** One field and the rule it broke. */
    public record FieldProblem(String field, String rule, String message) {
    }

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*)'");
    private static final URI UNSUPPORTED_MEDIA_TYPE = URI.create("urn:mandate-tracker:problem:unsupported-media-type");
    private static final URI INVALID_REQUEST = URI.create("urn:mandate-tracker:problem:invalid-request");
    public static final URI NOT_FOUND = URI.create("urn:mandate-tracker:problem:not-found");
    public static final URI CONFLICT = URI.create("urn:mandate-tracker:problem:conflict");
    public static final URI RULE_VIOLATION = URI.create("urn:mandate-tracker:problem:rule-violation");

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<FieldProblem> problems = ex.getBindingResult().getAllErrors().stream()
                .map(error -> new FieldProblem(error instanceof FieldError field ? field.getField()
                        : error.getObjectName(), error.getCode(), error.getDefaultMessage()))
                .toList();
        return invalid(problems);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                            HttpHeaders headers,
                                                                            HttpStatusCode status,
                                                                            WebRequest request) {
        List<FieldProblem> problems = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> new FieldProblem(
                        result.getMethodParameter().getParameterName(), code(error), error.getDefaultMessage())))
                .toList();
        return invalid(problems);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        return invalid(List.of(unreadable(ex.getCause())));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String field = ex instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName()
                : ex.getPropertyName();
        for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof TextRule.Violation violation) {
                return invalid(List.of(new FieldProblem(field, violation.rule(), violation.getMessage())));
            }
        }
        Class<?> type = ex.getRequiredType();
        String expected = type == LocalDate.class ? "a date written YYYY-MM-DD"
                : type == null ? "a value of the right type" : "a value of type " + type.getSimpleName();
        return invalid(List.of(new FieldProblem(field, "type", "must be " + expected)));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
                                                                     HttpHeaders headers, HttpStatusCode status,
                                                                     WebRequest request) {
        ResponseEntity<Object> problem = problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, UNSUPPORTED_MEDIA_TYPE,
                "Unsupported media type", "Requests are JSON in UTF-8: Content-Type: application/json",
                new FieldProblem("Content-Type", "media-type", "must be application/json, in UTF-8 if a charset "
                        + "is given, not " + ex.getContentType()));
        return ResponseEntity.status(problem.getStatusCode()).headers(headers).body(problem.getBody());
    }

    /** A path variable that converts to nothing ({@code /subscriptions/%20}) is the client's mistake, not ours. */
    @Override
    protected ResponseEntity<Object> handleMissingPathVariable(MissingPathVariableException ex, HttpHeaders headers,
                                                               HttpStatusCode status, WebRequest request) {
        if (ex.isMissingAfterConversion()) {
            return invalid(List.of(new FieldProblem(ex.getVariableName(), "required", "must not be blank")));
        }
        return super.handleMissingPathVariable(ex, headers, status, request);
    }

    @ExceptionHandler
    ResponseEntity<Object> invalidRequest(InvalidRequest ex) {
        return invalid(List.of(new FieldProblem(ex.field(), ex.rule(), ex.getMessage())));
    }

    @ExceptionHandler
    public ResponseEntity<Object> unexpected(Exception ex) {
        log.error("Unexpected failure", ex);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The service failed to handle this request; nothing was recorded by it unless it said so.");
        return ResponseEntity.internalServerError().body(body);
    }

    private static ResponseEntity<Object> invalid(List<FieldProblem> problems) {
        String detail = problems.stream().map(p -> p.field() == null ? p.message() : p.field() + ": " + p.message())
                .collect(Collectors.joining("; "));
        return problem(HttpStatus.BAD_REQUEST, INVALID_REQUEST, "Invalid request", detail,
                problems.toArray(FieldProblem[]::new));
    }

    public static ResponseEntity<Object> problem(HttpStatus status, URI type, String title, String detail,
                                                  FieldProblem... problems) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(type);
        body.setTitle(title);
        body.setProperty("errors", List.of(problems));
        return ResponseEntity.status(status).body(body);
    }

    static FieldProblem unreadable(Throwable thrown) {
        // Jackson wraps a parser's complaint about a nested value in a mapping exception
        Throwable cause = thrown instanceof JsonMappingException mapping
                && mapping.getCause() instanceof JsonParseException parse ? parse : thrown;
        if (cause instanceof FieldRuleException broken) {
            return new FieldProblem(path(broken), broken.rule(), broken.rawMessage());
        }
        if (cause instanceof JsonParseException parse && parse.getProcessor() != null) {
            JsonParser parser = parse.getProcessor();
            Matcher duplicate = DUPLICATE.matcher(parse.getOriginalMessage());
            if (duplicate.lookingAt()) {
                JsonStreamContext object = parser.getParsingContext();
                String at = object == null || object.getParent() == null ? null : path(object.getParent());
                return new FieldProblem(at == null ? duplicate.group(1) : at + "." + duplicate.group(1),
                        "duplicate-key", "must appear once in its object");
            }
            return new FieldProblem(path(parser.getParsingContext()), "json", "The body is not valid JSON (line "
                    + parse.getLocation().getLineNr() + ", column " + parse.getLocation().getColumnNr() + ")");
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return new FieldProblem(path(unknown), "unknown-field",
                    "is not a field of this request; known fields: " + unknown.getKnownPropertyIds());
        }
        if (cause instanceof ValueInstantiationException invalid && invalid.getCause() != null) {
            return new FieldProblem(path(invalid), "value", invalid.getCause().getMessage());
        }
        if (cause instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            return new FieldProblem(path(format), "one-of", "must be one of "
                    + Arrays.toString(format.getTargetType().getEnumConstants()));
        }
        if (cause instanceof MismatchedInputException mismatch && path(mismatch) == null) {
            return new FieldProblem(null, "json-object", "The body must be one JSON object with this request's fields");
        }
        if (cause instanceof MismatchedInputException mismatch) {
            Class<?> target = mismatch.getTargetType();
            String expected = target == null ? "a value of the right type"
                    : target == LocalDate.class ? "a date written YYYY-MM-DD"
                    : target.isEnum() ? "one of " + Arrays.toString(target.getEnumConstants())
                    : "a value of type " + target.getSimpleName();
            return new FieldProblem(path(mismatch), "type", "must be " + expected);
        }
        if (cause instanceof JsonParseException parse) {
            return new FieldProblem(null, "json", "The body is not valid JSON (line "
                    + parse.getLocation().getLineNr() + ", column " + parse.getLocation().getColumnNr() + ")");
        }
        return new FieldProblem(null, "body", "The request needs a JSON body");
    }

    private static String path(JsonMappingException ex) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : ex.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? null : path.toString();
    }

    /** The dotted path of a parser's position, such as {@code source.paragraph} or {@code legalBasis[1]}. */
    private static String path(JsonStreamContext context) {
        StringBuilder path = new StringBuilder();
        for (JsonStreamContext step = context; step != null && !step.inRoot(); step = step.getParent()) {
            if (step.inObject() && step.getCurrentName() != null) {
                path.insert(0, "." + step.getCurrentName());
            } else if (step.inArray() && step.getCurrentIndex() >= 0) {
                path.insert(0, "[" + step.getCurrentIndex() + "]");
            }
        }
        return path.isEmpty() ? null : path.substring(path.charAt(0) == '.' ? 1 : 0);
    }

    private static String code(MessageSourceResolvable error) {
        String[] codes = error.getCodes();
        return codes == null || codes.length == 0 ? "invalid" : codes[codes.length - 1];
    }
}
