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
import jp.jichitai.cloud.shared.MessageId;

/** Every error of the REST API as JSON with a message id and a Japanese message. */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        String detail = String.valueOf(e.getMostSpecificCause().getClass().getSimpleName());
        if (detail.contains("UnrecognizedProperty") || detail.contains("UnrecognizedProperties")) {
            return error(HttpStatus.BAD_REQUEST, "E-API-0002", "定義されていない項目が含まれています。項目名を確認してください。");
        }
        return error(HttpStatus.BAD_REQUEST, "E-API-0001", "リクエストの本文をJSONとして読み取れません。形式を確認してください。");
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ApiError> invalid(MethodArgumentNotValidException e) {
        List<ApiError.FieldError> fields = e.getBindingResult().getFieldErrors().stream()
                .map(field -> new ApiError.FieldError(field.getField(), field.getDefaultMessage()))
                .toList();
        return ResponseEntity.badRequest().body(new ApiError("E-API-0003", "入力内容に誤りがあります。", fields));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> mismatch(MethodArgumentTypeMismatchException e) {
        return error(HttpStatus.BAD_REQUEST, "E-API-0004", "パラメータ「" + e.getName() + "」の形式が正しくありません。");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> mediaType() {
        return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "E-API-0415", "Content-Type は application/json を指定してください。");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> method() {
        return error(HttpStatus.METHOD_NOT_ALLOWED, "E-API-0405", "このURLではその操作はできません。");
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ApiError> notFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(TenantPathNotFound.BODY);
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ResponseEntity<ApiError> denied() {
        return error(HttpStatus.FORBIDDEN, "E-API-0403", "この操作を行う権限がありません。");
    }

    @ExceptionHandler(BusinessException.class)
    ResponseEntity<ApiError> refused(BusinessException e) {
        return ResponseEntity.unprocessableContent().body(new ApiError(e.messageId(), e.japaneseMessage()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e) {
        log.error("unexpected error in the API", e);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "E-API-0500",
                "システムエラーが発生しました。時間をおいて再度お試しください。解決しない場合は運用者にお問い合わせください。");
    }

    private static ResponseEntity<ApiError> error(HttpStatus status, String id, String message) {
        return ResponseEntity.status(status).body(new ApiError(MessageId.of(id), message));
    }

    /** The one body for "not found": identical whether the data or the tenant does not exist. */
    static final class TenantPathNotFound {
        static final ApiError BODY = new ApiError(MessageId.of("E-API-0404"), "指定されたデータは見つかりません。");
    }
}
