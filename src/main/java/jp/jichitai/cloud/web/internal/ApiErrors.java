package jp.jichitai.cloud.web.internal;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import jp.jichitai.cloud.shared.ApiError;
import jp.jichitai.cloud.shared.BusinessException;
import jp.jichitai.cloud.shared.PlatformMessages;

/** Every error of the REST API as JSON with a message id and a Japanese message. */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        String detail = String.valueOf(e.getMostSpecificCause().getClass().getSimpleName());
        if (detail.contains("UnrecognizedProperty") || detail.contains("UnrecognizedProperties")) {
            return error(HttpStatus.BAD_REQUEST, "E-API-0002");
        }
        return error(HttpStatus.BAD_REQUEST, "E-API-0001");
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ApiError> invalid(MethodArgumentNotValidException e) {
        List<ApiError.FieldError> fields = e.getBindingResult().getFieldErrors().stream()
                .map(field -> new ApiError.FieldError(field.getField(), field.getDefaultMessage()))
                .toList();
        return ResponseEntity.badRequest().body(new ApiError("E-API-0003", PlatformMessages.text("E-API-0003"), fields));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> mismatch(MethodArgumentTypeMismatchException e) {
        return ResponseEntity.badRequest().body(PlatformMessages.error("E-API-0004", e.getName()));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> mediaType() {
        return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "E-API-0415");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> method() {
        return error(HttpStatus.METHOD_NOT_ALLOWED, "E-API-0405");
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ApiError> notFound() {
        return error(HttpStatus.NOT_FOUND, "E-API-0404");
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ResponseEntity<ApiError> denied() {
        return error(HttpStatus.FORBIDDEN, "E-API-0403");
    }

    @ExceptionHandler(BusinessException.class)
    ResponseEntity<ApiError> refused(BusinessException e) {
        return ResponseEntity.unprocessableContent().body(new ApiError(e.messageId(), e.japaneseMessage()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e) {
        if (DatabaseUnavailableFilter.isStatementTimeout(e)) {
            log.warn("statement timeout in the API: {}", e.toString());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .body(PlatformMessages.error(DatabaseUnavailableFilter.TIMEOUT_MESSAGE_ID));
        }
        if (DatabaseUnavailableFilter.isDatabaseUnavailable(e)) {
            log.warn("database unavailable in the API: {}", e.toString());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5")
                    .body(PlatformMessages.error(DatabaseUnavailableFilter.MESSAGE_ID));
        }
        log.error("unexpected error in the API", e);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "E-API-0500");
    }

    /** One body per id: "not found" is identical whether the data or the whole tenant does not exist. */
    private static ResponseEntity<ApiError> error(HttpStatus status, String id) {
        return ResponseEntity.status(status).body(PlatformMessages.error(id));
    }
}
