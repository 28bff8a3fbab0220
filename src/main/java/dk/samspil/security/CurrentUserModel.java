package dk.samspil.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts the signed-in user into every rendered page's model as {@code currentUser} for the layout's header and menu
 * (absent, so null in the templates, when nobody is signed in), and the page's path as {@code currentPath}. An
 * interceptor after the handler rather than a {@code @ModelAttribute} advice: the advice made Spring MVC build and
 * invoke a model method reflectively on every request, some 7 % of a survey submission's CPU, redirects included.
 */
@Configuration(proxyBeanMethods = false)
class CurrentUserModel implements WebMvcConfigurer, HandlerInterceptor {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public void postHandle(
            HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView page) {
        if (page == null) {
            return; // a body written by the handler itself: no page
        }
        // The layout marks the menu item of the current page (not on a redirect, which would add it to the address).
        String view = page.getViewName();
        if (view == null || !view.startsWith("redirect:")) {
            page.addObject(
                    "currentPath",
                    request.getRequestURI().substring(request.getContextPath().length()));
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SamspilPrincipal user) {
            page.addObject("currentUser", user);
        }
    }
}
