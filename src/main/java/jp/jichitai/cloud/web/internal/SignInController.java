package jp.jichitai.cloud.web.internal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import jakarta.servlet.http.HttpSession;

@Controller
class SignInController {

    /** Where the sign-in failure handler leaves its Japanese message (identity's LoginOutcomes). */
    private static final String MESSAGE_ATTRIBUTE = "jc.loginError";

    @GetMapping("/login")
    String signIn(HttpSession session, Model model) {
        Object message = session.getAttribute(MESSAGE_ATTRIBUTE);
        if (message != null) {
            model.addAttribute("errorMessage", message);
            session.removeAttribute(MESSAGE_ATTRIBUTE);
        }
        return "login";
    }
}
