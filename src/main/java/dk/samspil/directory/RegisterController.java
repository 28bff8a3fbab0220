package dk.samspil.directory;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The administrator's overview of the fixed registers. */
@Controller
class RegisterController {

    static final String VIEW = "directory/registers";

    private final Directory directory;

    RegisterController(Directory directory) {
        this.directory = directory;
    }

    @GetMapping("/admin/registre")
    String registers(Model model) {
        model.addAttribute("regions", directory.regions());
        model.addAttribute("providers", directory.providers());
        model.addAttribute("municipalities", directory.municipalities());
        model.addAttribute("hospitalUnits", directory.hospitalUnits());
        return VIEW;
    }
}
