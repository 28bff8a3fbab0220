package dk.samspil.publishing;

import dk.samspil.directory.Directory;
import dk.samspil.directory.Views.MunicipalityView;
import dk.samspil.security.ClientAddress;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The public pages of the subscription, without an account: the sign-up (/nyhedsmail/tilmeld), its confirmation
 * through the mailed link (/nyhedsmail/bekraeft/{token}) and the unsubscribe link of every newsletter
 * (/nyhedsmail/afmeld/{token}). A link opens a page with one button, so a mail program that opens links to look at
 * them changes nothing. An unknown or spent link is 404; a client that signs up too often gets 429.
 */
@Controller
class SubscriptionController {

    static final String FORM = "publishing/subscribe";
    static final String CONFIRM = "publishing/confirm";
    static final String UNSUBSCRIBE = "publishing/unsubscribe";
    static final String INVALID = "publishing/link-invalid";

    private final NewsletterSubscribers subscribers;
    private final Directory directory;
    private final ClientAddress clientAddress;

    SubscriptionController(NewsletterSubscribers subscribers, Directory directory, ClientAddress clientAddress) {
        this.subscribers = subscribers;
        this.directory = directory;
        this.clientAddress = clientAddress;
    }

    @GetMapping("/nyhedsmail/tilmeld")
    String form(Model model) {
        return render(model, new SubscribeForm(), false);
    }

    @PostMapping("/nyhedsmail/tilmeld")
    String signUp(
            @Valid @ModelAttribute("subscribeForm") SubscribeForm form,
            BindingResult result,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        List<MunicipalityView> municipalities = directory.municipalities();
        form.check(result, municipalities.stream().map(MunicipalityView::code).collect(Collectors.toSet()));
        if (result.hasErrors()) {
            return render(model, form, false);
        }
        if (!subscribers.signUp(form.signup(), clientAddress.of(request))) {
            response.setStatus(429);
            model.addAttribute("error", "publishing.subscribe.tooMany");
            return render(model, form, false);
        }
        return render(model, new SubscribeForm(), true);
    }

    @GetMapping("/nyhedsmail/bekraeft/{token}")
    String confirmPage(@PathVariable String token, Model model, HttpServletResponse response) {
        return subscribers
                .pending(token)
                .map(signup -> {
                    model.addAttribute("signup", signup);
                    model.addAttribute("token", token);
                    model.addAttribute("municipalityName", directory.names().municipality(signup.municipalityCode()));
                    return CONFIRM;
                })
                .orElseGet(() -> invalid(response));
    }

    @PostMapping("/nyhedsmail/bekraeft/{token}")
    String confirm(@PathVariable String token, Model model, HttpServletResponse response) {
        if (!subscribers.confirm(token)) {
            return invalid(response);
        }
        model.addAttribute("confirmed", true);
        return CONFIRM;
    }

    @GetMapping("/nyhedsmail/afmeld/{token}")
    String unsubscribePage(@PathVariable String token, Model model, HttpServletResponse response) {
        return subscribers
                .subscribedBy(token)
                .map(email -> {
                    model.addAttribute("email", email);
                    model.addAttribute("token", token);
                    return UNSUBSCRIBE;
                })
                .orElseGet(() -> invalid(response));
    }

    @PostMapping("/nyhedsmail/afmeld/{token}")
    String unsubscribe(@PathVariable String token, Model model, HttpServletResponse response) {
        if (!subscribers.unsubscribe(token)) {
            return invalid(response);
        }
        model.addAttribute("unsubscribed", true);
        return UNSUBSCRIBE;
    }

    private String render(Model model, SubscribeForm form, boolean done) {
        model.addAttribute("subscribeForm", form);
        model.addAttribute("municipalities", directory.municipalities());
        model.addAttribute("done", done);
        return FORM;
    }

    private static String invalid(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return INVALID;
    }
}
