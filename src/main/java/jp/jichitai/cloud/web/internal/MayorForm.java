package jp.jichitai.cloud.web.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jp.jichitai.cloud.shared.PlainText;

/** The settings form and API body for the certifying mayor's title and name. */
record MayorForm(
        @NotBlank(message = "首長の職名を入力してください。") @Size(max = 20, message = "首長の職名は20文字以内で入力してください。") @PlainText String mayorTitle,
        @NotBlank(message = "首長の氏名を入力してください。") @Size(max = 40, message = "首長の氏名は40文字以内で入力してください。") @PlainText String mayorName) {
}
