package dk.samspil.platform;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An upload over the limit is refused before any controller sees it; the user is sent back to the page of the
 * form with a Danish message, and nothing is changed.
 */
@ControllerAdvice
class UploadLimitAdvice {

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(HttpServletRequest request, RedirectAttributes redirect) {
        redirect.addFlashAttribute("uploadError", "upload.tooLarge");
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return "redirect:" + (path.startsWith("/") && !path.startsWith("//") ? path : "/");
    }
}
