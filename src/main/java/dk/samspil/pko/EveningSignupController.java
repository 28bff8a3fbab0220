package dk.samspil.pko;

import dk.samspil.pko.PkoEveningMeetings.EveningMeeting;
import dk.samspil.security.AccessRefusedException;
import dk.samspil.security.ClientAddress;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The public sign-up to an evening meeting (/fyraftensmoede/{token}), for the catchment area's GPs and trainees
 * without an account: the meeting, its programme, and a form. An unknown address is 404; a client that signs up
 * too often in an hour gets a Danish "prøv igen senere" (429) and nothing is stored.
 */
@Controller
class EveningSignupController {

    static final String VIEW = "pko/signup";

    private final PkoEveningMeetings evenings;
    private final ClientAddress clientAddress;

    EveningSignupController(PkoEveningMeetings evenings, ClientAddress clientAddress) {
        this.evenings = evenings;
        this.clientAddress = clientAddress;
    }

    @GetMapping("/fyraftensmoede/{token}")
    String page(@PathVariable String token, Model model) {
        return render(model, evening(token), new SignupForm(), false);
    }

    @PostMapping("/fyraftensmoede/{token}")
    String signUp(
            @PathVariable String token,
            @Valid @ModelAttribute("signupForm") SignupForm form,
            BindingResult result,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        EveningMeeting evening = evening(token);
        if (form.kindValue() == null) {
            result.rejectValue("kind", "pko.signup.kind.required");
        }
        if (result.hasErrors()) {
            return render(model, evening, form, false);
        }
        if (!evenings.signUp(
                evening,
                form.getName().strip(),
                form.getPractice() == null ? "" : form.getPractice().strip(),
                form.kindValue(),
                clientAddress.of(request))) {
            response.setStatus(429);
            model.addAttribute("error", "pko.signup.tooMany");
            return render(model, evening, form, false);
        }
        return render(model, evening, new SignupForm(), true);
    }

    private EveningMeeting evening(String token) {
        return evenings.bySignupToken(token).orElseThrow(() -> new AccessRefusedException("evening-signup"));
    }

    private String render(Model model, EveningMeeting evening, SignupForm form, boolean done) {
        model.addAttribute("evening", evening);
        model.addAttribute("eveningTitle", evenings.title(evening));
        model.addAttribute("programme", evenings.programme(evening));
        model.addAttribute("signupForm", form);
        model.addAttribute("done", done);
        return VIEW;
    }
}
