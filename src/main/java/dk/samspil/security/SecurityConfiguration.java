package dk.samspil.security;

import dk.samspil.platform.LocalPaths;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Instant;
import java.util.TreeSet;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2LoginAuthenticationFilter;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.security.web.session.SessionManagementFilter;

/**
 * Form sign-in and, where work-identity providers are configured, OpenID Connect log-in; one set of URL rules, and the baseline every page gets: CSRF on every form, a new session id at
 * sign-in, idle and absolute session timeouts, throttled sign-in, strict security headers. No page sends a referrer,
 * so a personal link (survey, invitation) never leaks to another site.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = String.join(
            "; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    private static final String[] PUBLIC = {
        "/",
        "/pakker",
        "/pakker/**",
        "/login",
        "/tilgaengelighed",
        "/error",
        "/actuator/health",
        "/actuator/health/liveness",
        "/actuator/health/readiness",
        "/invitation/**",
        "/kalender/feed/**",
        "/glemt-adgangskode",
        "/nulstil/**",
        "/vendor/**",
        "/css/**",
        "/js/**",
        "/favicon.ico",
        "/audit-godkendelse/**",
        "/referat/**",
        "/fyraftensmoede/**",
        "/nyhedsmail/**",
        "/nyhedsmail-godkendelse/**",
        "/nyhedsmail-skriv/**",
        "/nyheder",
        "/nyheder/**",
        "/forloeb/**",
        "/forloeb-godkendelse/**",
        "/forloeb-forfatter/**",
        "/oauth2/authorization/**",
        "/login/oauth2/code/**",
        "/login/afvist"
    };

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** The respondent's pages: no sign-in, each answered by thousands at once; see {@link #respondentFilterChain}. */
    static final String[] RESPONDENT = {"/s/**", "/svar", "/svar/**"};

    /**
     * The survey respondent's pages ({@code /s/<token>}, {@code /svar}) need no sign-in, and are the pages thousands
     * of members answer within minutes. They get a chain of their own with only what they use: CSRF on every form
     * and the same security headers as every page. No sign-in, sign-out, saved request, anonymous user, session
     * management or authorization filters run (each costs every request), and no signed-in staff session is read.
     */
    @Bean
    @Order(1)
    SecurityFilterChain respondentFilterChain(HttpSecurity http, AuditLog auditLog) throws Exception {
        http.securityMatcher(RESPONDENT)
                .securityContext(context -> context.disable())
                .requestCache(cache -> cache.disable())
                .anonymous(anonymous -> anonymous.disable())
                .sessionManagement(session -> session.disable())
                .servletApi(servletApi -> servletApi.disable())
                .csrf(csrf -> csrf.csrfTokenRepository(respondentCsrfTokens()))
                .exceptionHandling(exceptions -> exceptions.accessDeniedHandler((request, response, denied) -> {
                    auditLog.record(null, AuditLog.ACCESS_REFUSED, request.getRequestURI(), request);
                    response.sendError(403);
                }))
                .headers(headers -> headers(headers, CONTENT_SECURITY_POLICY));
        return http.build();
    }

    /**
     * The respondent's CSRF token lives in a cookie of the answer pages, not in an HTTP session: a respondent gets no
     * session at all, so no session row (sessions are in PostgreSQL) is ever written for one.
     */
    private static CookieCsrfTokenRepository respondentCsrfTokens() {
        var tokens = new CookieCsrfTokenRepository();
        tokens.setCookieName("samspil-svar-csrf");
        tokens.setCookiePath("/svar");
        tokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
        return tokens;
    }

    private static void headers(HeadersConfigurer<HttpSecurity> headers, String contentSecurityPolicy) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy))
                .frameOptions(frame -> frame.deny())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                .permissionsPolicyHeader(permissions -> permissions.policy("camera=(), microphone=(), geolocation=()"));
    }

    @Bean
    @Order(2)
    SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            AuditLog auditLog,
            JdbcClient jdbc,
            SecuritySettings settings,
            ClientAddress clientAddress,
            @Value("${samspil.metrics.token:}") String metricsToken,
            ObjectProvider<ClientRegistrationRepository> workIdentityProviders,
            WorkIdentities workIdentities)
            throws Exception {
        var askedPages = new HttpSessionRequestCache();
        AuthenticationSuccessHandler signedIn = (request, response, authentication) -> {
            auditLog.record(authentication.getName(), AuditLog.SIGN_IN, null, request);
            SessionCheck.stampSignIn(request, Instant.now());
            response.sendRedirect(request.getContextPath() + pageAsked(askedPages.getRequest(request, response)));
        };
        ClientRegistrationRepository providers = workIdentityProviders.getIfAvailable();
        if (providers != null) {
            http.oauth2Login(login -> login.loginPage("/login")
                    .authorizedClientRepository(new HttpSessionOAuth2AuthorizedClientRepository())
                    .userInfoEndpoint(userInfo -> userInfo.oidcUserService(workIdentities))
                    .successHandler(signedIn)
                    .failureHandler((request, response, exception) -> {
                        String code = exception instanceof OAuth2AuthenticationException refused
                                ? refused.getError().getErrorCode()
                                : "error";
                        auditLog.record(null, AuditLog.SIGN_IN_FAILED, "oidc:" + code, request);
                        response.sendRedirect(request.getContextPath() + "/login/afvist?aarsag="
                                + WorkIdentityRefusal.of(code).reason());
                    }));
        }
        http.authorizeHttpRequests(requests -> requests.requestMatchers(PUBLIC)
                        .permitAll()
                        .requestMatchers("/admin/**")
                        .hasRole(Role.ADMIN.name())
                        .requestMatchers("/actuator/prometheus")
                        .access(new MetricsAccess(metricsToken))
                        .requestMatchers("/redaktion", "/redaktion/**")
                        .hasRole(Role.EDITOR.name())
                        .requestMatchers("/klynger/**")
                        .hasAnyRole(Role.ADMIN.name(), Role.COORDINATOR.name())
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.loginPage("/login")
                        .successHandler(signedIn)
                        .failureHandler((request, response, exception) -> {
                            auditLog.record(
                                    LoginThrottle.normalise(request.getParameter("username")),
                                    AuditLog.SIGN_IN_FAILED,
                                    null,
                                    request);
                            response.sendRedirect(request.getContextPath() + "/login?error");
                        }))
                .logout(logout -> logout.logoutUrl("/logout")
                        .logoutSuccessHandler(signedOut(providers))
                        .invalidateHttpSession(true)
                        .clearAuthentication(true)
                        .deleteCookies("SESSION")
                        .addLogoutHandler((request, response, authentication) -> {
                            if (authentication != null) {
                                auditLog.record(authentication.getName(), AuditLog.SIGN_OUT, null, request);
                            }
                        }))
                .requestCache(cache -> cache.requestCache(askedPages))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(relativeLoginPage())
                        .accessDeniedHandler((request, response, denied) -> {
                            auditLog.record(
                                    username(request), AuditLog.ACCESS_REFUSED, request.getRequestURI(), request);
                            response.sendError(403);
                        }))
                .headers(headers -> headers(headers, contentSecurityPolicy(providers)))
                .addFilterBefore(
                        new LoginThrottle(jdbc, auditLog, settings, clientAddress),
                        OAuth2LoginAuthenticationFilter.class)
                .addFilterAfter(
                        new AbsoluteSessionTimeout(settings.absoluteSessionTimeout()), SessionManagementFilter.class)
                .addFilterAfter(new SessionCheck(jdbc, auditLog), SessionManagementFilter.class);
        return http.build();
    }

    /**
     * After log-out, the sign-in page; a user who signed in with a work identity is first sent to their provider's
     * end-session endpoint (where it has one) so that the provider's session ends too, and comes back from there.
     */
    private static LogoutSuccessHandler signedOut(ClientRegistrationRepository providers) {
        var local = new SimpleUrlLogoutSuccessHandler();
        local.setDefaultTargetUrl("/login?logout");
        if (providers == null) {
            return local;
        }
        var viaProvider = new OidcClientInitiatedLogoutSuccessHandler(providers);
        viaProvider.setPostLogoutRedirectUri("{baseUrl}/login?logout");
        viaProvider.setDefaultTargetUrl("/login?logout");
        return viaProvider;
    }

    /**
     * The pages' content security policy. The log-out form is answered with a redirect to the provider's end-session
     * endpoint, which browsers allow only to an origin that {@code form-action} names.
     */
    static String contentSecurityPolicy(ClientRegistrationRepository providers) {
        if (!(providers instanceof Iterable<?> registrations)) {
            return CONTENT_SECURITY_POLICY;
        }
        var origins = new TreeSet<String>();
        for (Object registration : registrations) {
            Object endSession = ((ClientRegistration) registration)
                    .getProviderDetails()
                    .getConfigurationMetadata()
                    .get("end_session_endpoint");
            if (endSession != null) {
                URI uri = URI.create(endSession.toString());
                origins.add(uri.getScheme() + "://" + uri.getRawAuthority());
            }
        }
        return origins.isEmpty()
                ? CONTENT_SECURITY_POLICY
                : CONTENT_SECURITY_POLICY.replace(
                        "form-action 'self'", "form-action 'self' " + String.join(" ", origins));
    }

    /** The sign-in page as a path of this site (the default builds an absolute address from the Host header). */
    private static LoginUrlAuthenticationEntryPoint relativeLoginPage() {
        var entryPoint = new LoginUrlAuthenticationEntryPoint("/login");
        entryPoint.setFavorRelativeUris(true);
        return entryPoint;
    }

    /**
     * After sign-in, the page that was asked for, as a local path: the saved request's address was built from the
     * Host header, so only its path and query are kept.
     */
    static String pageAsked(SavedRequest saved) {
        if (saved == null) {
            return "/start"; // each role's start page, never the public front page
        }
        try {
            URI asked = URI.create(saved.getRedirectUrl());
            return LocalPaths.of(
                    asked.getRawQuery() == null ? asked.getRawPath() : asked.getRawPath() + "?" + asked.getRawQuery());
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }

    private static String username(HttpServletRequest request) {
        return request.getUserPrincipal() == null
                ? null
                : request.getUserPrincipal().getName();
    }
}
