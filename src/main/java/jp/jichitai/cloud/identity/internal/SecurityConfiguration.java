package jp.jichitai.cloud.identity.internal;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

import jp.jichitai.cloud.shared.ApiError;
import jp.jichitai.cloud.shared.PlatformMessages;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; base-uri 'self'; "
            + "frame-ancestors 'none'; form-action 'self'";

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt today, with the algorithm id stored in each hash so it can be raised later.
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * Password sign-in for the form and for HTTP Basic; a verified password is remembered for
     * {@code jc.security.verified-password-lifetime} (0 = never) so that API calls do not pay bcrypt each time.
     */
    @Bean
    RecentlyVerifiedPasswordProvider passwordSignIn(JdbcUserAccounts accounts, PasswordEncoder passwordEncoder,
            @Value("${jc.security.verified-password-lifetime}") Duration lifetime) {
        return new RecentlyVerifiedPasswordProvider(accounts, passwordEncoder, lifetime, Clock.systemUTC());
    }

    /** The REST API and the actuator: HTTP Basic, no session, JSON errors. */
    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/**", "/actuator/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole("OPERATOR")
                        .requestMatchers("/api/v1/operator/**").hasRole("OPERATOR")
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, failure) -> {
                    if (accountsUnavailable(failure)) {
                        // The password was never judged: not a wrong password, not counted towards the lockout.
                        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
                        response.setHeader("Retry-After", "5");
                        writeJson(response, PlatformMessages.error("E-API-0504"));
                        return;
                    }
                    response.setStatus(HttpStatus.UNAUTHORIZED.value());
                    response.setHeader("WWW-Authenticate", "Basic realm=\"jichitai-cloud\", charset=\"UTF-8\"");
                    writeJson(response, PlatformMessages.error("E-API-0401"));
                }))
                .exceptionHandling(errors -> errors.accessDeniedHandler((request, response, denied) -> {
                    response.setStatus(HttpStatus.FORBIDDEN.value());
                    writeJson(response, PlatformMessages.error("E-API-0403"));
                }))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Stateless Basic authentication carries no ambient credential, so CSRF cannot apply.
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'")));
        return http.build();
    }

    /** The screens: form sign-in, session, CSRF tokens on every form. */
    @Bean
    @Order(2)
    SecurityFilterChain screenSecurity(HttpSecurity http, LoginOutcomes loginOutcomes) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/css/**", "/js/**", "/favicon.ico", "/error", "/verify/**",
                                "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers("/admin/**").hasAnyRole("TENANT_ADMIN", "AUDITOR")
                        .requestMatchers("/operator/**").hasRole("OPERATOR")
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").failureHandler(loginOutcomes).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(frame -> frame.deny()))
                .httpBasic(Customizer.withDefaults());
        return http.build();
    }

    @Bean
    FilterRegistrationBean<TenantBindingFilter> tenantBindingFilter(jp.jichitai.cloud.audit.AuditLog auditLog) {
        FilterRegistrationBean<TenantBindingFilter> registration = new FilterRegistrationBean<>(new TenantBindingFilter(auditLog));
        // After Spring Security (order -100), so that the signed-in user is known.
        registration.setOrder(0);
        return registration;
    }

    /**
     * Whether the sign-in failed because the accounts could not be read (no database connection within the pool's
     * timeout, the database down) rather than because of the credentials.
     */
    static boolean accountsUnavailable(Throwable failure) {
        if (!(failure instanceof InternalAuthenticationServiceException)) {
            return false;
        }
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessException || cause instanceof SQLException) {
                return true;
            }
        }
        return false;
    }

    static void writeJson(jakarta.servlet.http.HttpServletResponse response, ApiError error) throws java.io.IOException {
        response.setContentType("application/json;charset=UTF-8");
        response.getWriter().write(error.toJson());
    }
}
