package jp.jichitai.cloud.fitgap.internal;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jp.jichitai.cloud.identity.JichitaiUser;

/** The standard templates through the API, for the provider (/api/v1/operator/** is operator only). */
@RestController
class TemplateEditApiController {

    private final TemplateEditController screens;

    TemplateEditApiController(TemplateEditController screens) {
        this.screens = screens;
    }

    @GetMapping("/api/v1/operator/fit-gap/templates/{id}")
    @Operation(summary = "標準手順書テンプレートの最新版（TSV）", tags = "fit-gap")
    TemplateEditController.TemplateSource source(@PathVariable String id) {
        return screens.view(id);
    }

    @PutMapping("/api/v1/operator/fit-gap/templates/{id}")
    @Operation(summary = "標準手順書テンプレートを編集し、新しい版として保存する（進行中の分析は元の版のまま）", tags = "fit-gap")
    TemplateEditController.TemplateSource edit(@PathVariable String id, @RequestBody TemplateEditController.EditedTemplate edited,
            @AuthenticationPrincipal JichitaiUser operator) {
        screens.saved(id, edited.source(), operator);
        return screens.view(id);
    }

}
