package dk.samspil.servicedata;

import dk.samspil.catalog.PackageDefinition;
import dk.samspil.ordering.OrderGuard;
import dk.samspil.ordering.OrderViews.MunicipalityRef;
import dk.samspil.ordering.OrderViews.OrderView;
import dk.samspil.ordering.Orders;
import dk.samspil.platform.DanishNumbers;
import dk.samspil.security.Access;
import dk.samspil.security.Role;
import dk.samspil.security.SamspilPrincipal;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The municipality's page for an order: referral counts by file upload, or the dose-dispensing figures by form,
 * depending on the package. The order's municipal contacts deliver for their own municipality; the provider's
 * consultant may deliver on a municipality's behalf; everyone who sees the order sees what was delivered.
 */
@Controller
class MunicipalDataController {

    static final String VIEW = "servicedata/municipal";

    static final String REFERRALS_EXAMPLE = """
            Ydernummer;Tilbud;Antal henvisninger
            100101;Forebyggelse;14
            100101;Rehabilitering;6
            100102;Forebyggelse;3
            100102;Rehabilitering;0
            """;

    private static final long MAX_CITIZENS = 9_999_999;
    private static final Pattern HOURS = Pattern.compile("\\d{1,6}([.,]\\d)?");

    private final OrderGuard guard;
    private final MunicipalData data;
    private final Access access;

    MunicipalDataController(OrderGuard guard, MunicipalData data, Access access) {
        this.guard = guard;
        this.data = data;
        this.access = access;
    }

    @GetMapping("/bestillinger/{orderId}/kommunedata")
    String page(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long orderId,
            @RequestParam(name = "kommune", required = false) String requested,
            Model model) {
        OrderView order = guard.visible(user, orderId);
        String municipality = writable(user, order, requested);
        prepare(model, user, order, municipality);
        if (municipality != null
                && data.kind(order) == PackageDefinition.MunicipalData.DOSIS
                && !model.containsAttribute("dosis")) {
            model.addAttribute(
                    "dosis", data.dosis(order, municipality).map(DosisForm::of).orElseGet(DosisForm::new));
        }
        return VIEW;
    }

    /** The upload posts to the page's own address, so an over-size upload comes back here with its message. */
    @PostMapping("/bestillinger/{orderId}/kommunedata")
    String upload(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long orderId,
            @RequestParam(name = "kommune", required = false) String requested,
            @RequestParam(defaultValue = "") String period,
            @RequestParam(required = false) MultipartFile file,
            Model model)
            throws IOException {
        OrderView order = guard.visible(user, orderId);
        String municipality = requireWritable(user, order, requested);
        access.require(
                data.kind(order) == PackageDefinition.MunicipalData.REFERRALS, user, "order:" + orderId + ":referrals");
        String cleanPeriod = period.strip();
        model.addAttribute("period", cleanPeriod);
        boolean bad = false;
        if (cleanPeriod.isEmpty() || cleanPeriod.length() > 60) {
            model.addAttribute(
                    "periodError", cleanPeriod.isEmpty() ? "municipal.period.required" : "municipal.period.tooLong");
            bad = true;
        }
        if (file == null || file.isEmpty()) {
            model.addAttribute("fileError", "servicedata.file.choose");
            bad = true;
        }
        if (!bad) {
            Path temp = Files.createTempFile("samspil-referrals-", ".upload");
            try {
                file.transferTo(temp);
                String name = file.getOriginalFilename() == null
                        ? "upload"
                        : Path.of(file.getOriginalFilename()).getFileName().toString();
                model.addAttribute(
                        "result",
                        data.uploadReferrals(
                                order,
                                municipality,
                                cleanPeriod,
                                temp,
                                name.length() > 200 ? name.substring(0, 200) : name,
                                user.getUsername()));
            } finally {
                Files.deleteIfExists(temp);
            }
        }
        prepare(model, user, order, municipality);
        return VIEW;
    }

    @PostMapping("/bestillinger/{orderId}/kommunedata/dosis")
    String saveDosis(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long orderId,
            @RequestParam(name = "kommune", required = false) String requested,
            DosisForm form,
            Model model,
            RedirectAttributes redirect) {
        OrderView order = guard.visible(user, orderId);
        String municipality = requireWritable(user, order, requested);
        access.require(data.kind(order) == PackageDefinition.MunicipalData.DOSIS, user, "order:" + orderId + ":dosis");
        Map<String, String> errors = form.validate();
        if (errors.isEmpty()) {
            boolean saved = data.saveDosis(
                    order,
                    municipality,
                    form.whole(form.getNursing()),
                    form.whole(form.getHomeCare()),
                    form.whole(form.getCareHome()),
                    form.hours(),
                    form.getContact().strip().isEmpty()
                            ? null
                            : form.getContact().strip(),
                    form.getVersion(),
                    user.getUsername());
            if (saved) {
                redirect.addFlashAttribute("saved", true);
                return "redirect:/bestillinger/" + orderId + "/kommunedata"
                        + (Orders.canManage(user, order) ? "?kommune=" + municipality : "");
            }
            model.addAttribute("conflict", true);
            data.dosis(order, municipality).ifPresent(current -> form.setVersion(current.version()));
        }
        prepare(model, user, order, municipality);
        model.addAttribute("dosis", form);
        model.addAttribute("errors", errors);
        return VIEW;
    }

    @GetMapping("/data/kommunedata/eksempel-henvisninger.csv")
    ResponseEntity<byte[]> example(@AuthenticationPrincipal SamspilPrincipal user) {
        access.require(
                user.is(Role.MUNICIPALITY) || user.is(Role.CONSULTANT) || user.isAdmin(), user, "referral-example");
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("eksempel-henvisninger.csv")
                                .build()
                                .toString())
                .body(REFERRALS_EXAMPLE.getBytes(StandardCharsets.UTF_8));
    }

    private void prepare(Model model, SamspilPrincipal user, OrderView order, String municipality) {
        model.addAttribute("order", order);
        model.addAttribute("kind", data.kind(order).name());
        model.addAttribute("municipality", municipality);
        model.addAttribute(
                "municipalityName",
                municipality == null
                        ? null
                        : order.municipalities().stream()
                                .filter(m -> m.code().equals(municipality))
                                .map(MunicipalityRef::name)
                                .findFirst()
                                .orElse(municipality));
        model.addAttribute(
                "chooser",
                Orders.canManage(user, order) && order.municipalities().size() > 1);
        model.addAttribute("uploads", data.uploads(order));
        model.addAttribute("referrals", data.referrals(order, Orders.canManage(user, order)));
        model.addAttribute("dosisFigures", data.dosisFigures(order));
    }

    /** The municipality the user may deliver for on this order, or null (read only). */
    private static String writable(SamspilPrincipal user, OrderView order, String requested) {
        if (user.is(Role.MUNICIPALITY)) {
            return Orders.actingMunicipality(user, order);
        }
        if (Orders.canManage(user, order) && !order.municipalities().isEmpty()) {
            return requested != null && order.involvesMunicipality(requested)
                    ? requested
                    : order.municipalities().get(0).code();
        }
        return null;
    }

    private String requireWritable(SamspilPrincipal user, OrderView order, String requested) {
        String municipality = writable(user, order, requested);
        access.require(municipality != null, user, "order:" + order.id() + ":municipal-data");
        return municipality;
    }

    /** The dose-dispensing form as typed: numbers are checked here so a bad field keeps what was entered. */
    public static class DosisForm {
        private String nursing = "";
        private String homeCare = "";
        private String careHome = "";
        private String hours = "";
        private String contact = "";
        private int version;

        static DosisForm of(MunicipalData.Dosis dosis) {
            DosisForm form = new DosisForm();
            form.nursing = dosis.citizensNursing() == null ? "" : DanishNumbers.format(dosis.citizensNursing());
            form.homeCare = dosis.citizensHomeCare() == null ? "" : DanishNumbers.format(dosis.citizensHomeCare());
            form.careHome = dosis.citizensCareHome() == null ? "" : DanishNumbers.format(dosis.citizensCareHome());
            form.hours = dosis.staffHoursWeek() == null
                    ? ""
                    : dosis.staffHoursWeek().toPlainString().replace('.', ',');
            form.contact = dosis.contact() == null ? "" : dosis.contact();
            form.version = dosis.version();
            return form;
        }

        Map<String, String> validate() {
            Map<String, String> errors = new LinkedHashMap<>();
            checkWhole("nursing", nursing, errors);
            checkWhole("homeCare", homeCare, errors);
            checkWhole("careHome", careHome, errors);
            String h = hours.strip();
            if (!h.isEmpty() && !HOURS.matcher(h).matches()) {
                errors.put("hours", h.startsWith("-") ? "municipal.dosis.negative" : "municipal.dosis.hours.invalid");
            }
            if (contact.length() > 1000) {
                errors.put("contact", "municipal.dosis.contact.tooLong");
            }
            if (errors.isEmpty() && (nursing + homeCare + careHome + h + contact).isBlank()) {
                errors.put("nursing", "municipal.dosis.empty");
            }
            return errors;
        }

        private static void checkWhole(String field, String value, Map<String, String> errors) {
            String v = value.strip();
            if (!v.isEmpty() && whole(v) == null) {
                errors.put(field, v.startsWith("-") ? "municipal.dosis.negative" : "municipal.dosis.whole");
            }
        }

        /** "1240", "1.240" or "1 240"; null when blank or not a whole number of at most seven digits. */
        static Integer whole(String value) {
            return DanishNumbers.parseWhole(value)
                    .filter(n -> n <= MAX_CITIZENS)
                    .map(Long::intValue)
                    .orElse(null);
        }

        BigDecimal hours() {
            return hours.isBlank() ? null : new BigDecimal(hours.strip().replace(',', '.'));
        }

        public String getNursing() {
            return nursing;
        }

        public void setNursing(String nursing) {
            this.nursing = nursing == null ? "" : nursing;
        }

        public String getHomeCare() {
            return homeCare;
        }

        public void setHomeCare(String homeCare) {
            this.homeCare = homeCare == null ? "" : homeCare;
        }

        public String getCareHome() {
            return careHome;
        }

        public void setCareHome(String careHome) {
            this.careHome = careHome == null ? "" : careHome;
        }

        public String getHours() {
            return hours;
        }

        public void setHours(String hours) {
            this.hours = hours == null ? "" : hours;
        }

        public String getContact() {
            return contact;
        }

        public void setContact(String contact) {
            this.contact = contact == null ? "" : contact;
        }

        public int getVersion() {
            return version;
        }

        public void setVersion(int version) {
            this.version = version;
        }
    }
}
