package dk.samspil.directory;

import dk.samspil.security.AuditLog;
import dk.samspil.security.SamspilPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator makes and edits package providers (a regional quality unit, a new national unit) — the
 * organisation a consultant is then invited to at /admin/brugere. The URL rules let only administrators in.
 */
@Controller
class ProviderController {

    static final String VIEW = "directory/provider-form";
    static final String PROVIDER_SAVED = "PROVIDER_SAVED";

    private final JdbcClient jdbc;
    private final Directory directory;
    private final AuditLog auditLog;

    ProviderController(JdbcClient jdbc, Directory directory, AuditLog auditLog) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.auditLog = auditLog;
    }

    @GetMapping("/admin/udbydere/ny")
    String newProvider(Model model) {
        model.addAttribute("providerForm", new ProviderForm());
        return view(model, null);
    }

    @PostMapping("/admin/udbydere")
    String create(
            @Valid @ModelAttribute ProviderForm providerForm,
            BindingResult result,
            Model model,
            @AuthenticationPrincipal SamspilPrincipal admin,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        if (!result.hasFieldErrors("code") && exists(providerForm.getCode())) {
            result.rejectValue("code", "provider.code.taken");
        }
        checkRegion(providerForm, result);
        if (result.hasErrors()) {
            return view(model, null);
        }
        jdbc.sql("INSERT INTO provider (code, name, region_code, email, phone, address) VALUES (?, ?, ?, ?, ?, ?)")
                .params(
                        providerForm.getCode(),
                        providerForm.getName().strip(),
                        blankToNull(providerForm.getRegionCode()),
                        providerForm.email(),
                        providerForm.phone(),
                        providerForm.address())
                .update();
        auditLog.record(admin.getUsername(), PROVIDER_SAVED, "P:" + providerForm.getCode(), request);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/admin/udbydere/" + providerForm.getCode();
    }

    @GetMapping("/admin/udbydere/{code}")
    String edit(@PathVariable String code, Model model) {
        var provider = directory.providers().stream()
                .filter(p -> p.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        var contact = directory.providerContact(code).orElseThrow();
        var form = new ProviderForm();
        form.setCode(provider.code());
        form.setName(provider.name());
        form.setRegionCode(jdbc.sql("SELECT region_code FROM provider WHERE code = ?")
                .param(code)
                .query(String.class)
                .optional()
                .orElse(null));
        form.setEmail(contact.email());
        form.setPhone(contact.phone());
        form.setAddress(contact.address());
        if (!model.containsAttribute("providerForm")) {
            model.addAttribute("providerForm", form);
        }
        return view(model, code);
    }

    @PostMapping("/admin/udbydere/{code}")
    String update(
            @PathVariable String code,
            @Valid @ModelAttribute ProviderForm providerForm,
            BindingResult result,
            Model model,
            @AuthenticationPrincipal SamspilPrincipal admin,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        if (!exists(code)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        providerForm.setCode(code);
        checkRegion(providerForm, result);
        if (result.hasFieldErrors("name")
                || result.hasFieldErrors("regionCode")
                || result.hasFieldErrors("email")
                || result.hasFieldErrors("phone")
                || result.hasFieldErrors("address")) {
            return view(model, code);
        }
        jdbc.sql("UPDATE provider SET name = ?, region_code = ?, email = ?, phone = ?, address = ? WHERE code = ?")
                .params(
                        providerForm.getName().strip(),
                        blankToNull(providerForm.getRegionCode()),
                        providerForm.email(),
                        providerForm.phone(),
                        providerForm.address(),
                        code)
                .update();
        auditLog.record(admin.getUsername(), PROVIDER_SAVED, "P:" + code, request);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/admin/udbydere/" + code;
    }

    private String view(Model model, String code) {
        model.addAttribute("code", code);
        model.addAttribute("regions", directory.regions());
        return VIEW;
    }

    private void checkRegion(ProviderForm form, BindingResult result) {
        String region = blankToNull(form.getRegionCode());
        if (region != null
                && directory.regions().stream().noneMatch(r -> r.code().equals(region))) {
            result.rejectValue("regionCode", "provider.region.unknown");
        }
    }

    private boolean exists(String code) {
        return jdbc.sql("SELECT count(*) FROM provider WHERE code = ?")
                        .param(code)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    static class ProviderForm {
        @NotBlank(message = "{provider.code.required}")
        @Pattern(regexp = "[A-Z0-9-]{2,20}", message = "{provider.code.invalid}")
        private String code;

        @NotBlank(message = "{provider.name.required}")
        @Size(max = 200, message = "{provider.name.length}")
        private String name;

        private String regionCode;

        @Email(message = "{provider.email.invalid}")
        @Size(max = 200, message = "{provider.email.invalid}")
        private String email;

        @Pattern(regexp = "^$|^\\+?[0-9][0-9 ]{6,18}$", message = "{provider.phone.invalid}")
        private String phone;

        @Size(max = 300, message = "{provider.address.length}")
        private String address;

        String email() {
            return blankToNull(email);
        }

        String phone() {
            return blankToNull(phone);
        }

        String address() {
            return blankToNull(address);
        }

        public String getEmail() {
            return email;
        }

        public void setEmail(String email) {
            this.email = email == null ? null : email.strip();
        }

        public String getPhone() {
            return phone;
        }

        public void setPhone(String phone) {
            this.phone = phone == null ? null : phone.strip();
        }

        public String getAddress() {
            return address;
        }

        public void setAddress(String address) {
            this.address = address == null ? null : address.strip();
        }

        public String getCode() {
            return code;
        }

        public void setCode(String code) {
            this.code = code;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getRegionCode() {
            return regionCode;
        }

        public void setRegionCode(String regionCode) {
            this.regionCode = regionCode;
        }
    }
}
