package dk.samspil.mail;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** The administrator's view of the outbox: what Samspil has sent or will send, and what failed. */
@Controller
class OutboxController {

    static final String LIST_VIEW = "mail/outbox";
    static final String MAIL_VIEW = "mail/mail";
    static final int SHOWN = 200;

    private final Outbox outbox;
    private final OutboxSender sender;
    private final MailSettings settings;

    OutboxController(Outbox outbox, OutboxSender sender, MailSettings settings) {
        this.outbox = outbox;
        this.sender = sender;
        this.settings = settings;
    }

    @GetMapping("/admin/udbakke")
    String list(Model model) {
        model.addAttribute("mails", outbox.newest(SHOWN));
        model.addAttribute("shown", SHOWN);
        model.addAttribute("smtpConfigured", sender.canSend());
        model.addAttribute("maxAttempts", settings.maxAttempts());
        return LIST_VIEW;
    }

    @GetMapping("/admin/udbakke/{id}")
    String mail(@PathVariable long id, Model model) {
        model.addAttribute(
                "mail", outbox.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        model.addAttribute("from", settings.from());
        return MAIL_VIEW;
    }
}
