package jp.jichitai.cloud.web.internal;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import jp.jichitai.cloud.identity.JichitaiUser;
import jp.jichitai.cloud.identity.Role;
import jp.jichitai.cloud.tenancy.Tenants;

@Controller
class HomeController {

    private final Tenants tenants;

    HomeController(Tenants tenants) {
        this.tenants = tenants;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal JichitaiUser user, Model model) {
        if (user.role() == Role.OPERATOR) {
            model.addAttribute("tenants", tenants.all());
            return "operator-home";
        }
        model.addAttribute("profile", tenants.currentProfile());
        model.addAttribute("districts", tenants.currentDistricts());
        return "home";
    }
}
