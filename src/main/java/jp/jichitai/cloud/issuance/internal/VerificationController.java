package jp.jichitai.cloud.issuance.internal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import jp.jichitai.cloud.issuance.CertificateIssuance;

/** The public page that anyone holding a certificate's code may open; it shows no personal data. */
@Controller
class VerificationController {

    private final CertificateIssuance issuance;

    VerificationController(CertificateIssuance issuance) {
        this.issuance = issuance;
    }

    @GetMapping("/verify")
    String form(@RequestParam(required = false) String code, Model model) {
        if (code == null || code.isBlank()) {
            return "verify";
        }
        return result(code, model);
    }

    @GetMapping("/verify/{code}")
    String result(@PathVariable String code, Model model) {
        model.addAttribute("code", code);
        model.addAttribute("certificate", issuance.verify(code.trim()).orElse(null));
        model.addAttribute("checked", true);
        return "verify";
    }
}
