package jp.jichitai.cloud.web.internal;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import jp.jichitai.cloud.identity.JichitaiUser;
import jp.jichitai.cloud.tenancy.Tenant;
import jp.jichitai.cloud.tenancy.Tenants;

/** What the header of every screen shows: the town and the signed-in person. */
@ControllerAdvice(annotations = Controller.class)
class ShellModelAdvice {

    private final Tenants tenants;

    ShellModelAdvice(Tenants tenants) {
        this.tenants = tenants;
    }

    @ModelAttribute("currentUser")
    JichitaiUser currentUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof JichitaiUser user ? user : null;
    }

    @ModelAttribute("currentTenant")
    Tenant currentTenant() {
        JichitaiUser user = currentUser();
        return user == null ? null : user.tenant().flatMap(tenants::find).orElse(null);
    }

    @ModelAttribute("currentRole")
    String currentRole() {
        return Optional.ofNullable(currentUser()).map(user -> user.role().code()).orElse("");
    }
}
