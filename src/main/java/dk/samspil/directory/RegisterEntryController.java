package dk.samspil.directory;

import dk.samspil.directory.Views.MunicipalityView;
import dk.samspil.platform.SingleLine;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator keeps the fixed registers current: a region's name, a municipality's name and region (after a
 * merger or a renaming), and the hospital units (new ones, renamed ones, their region, their catchment area). Who saved what is recorded by
 * the central audit of saved /admin forms. The URL rules let only administrators in.
 */
@Controller
class RegisterEntryController {

    static final String VIEW = "directory/register-entry-form";

    private final JdbcClient jdbc;
    private final Directory directory;
    private final TransactionTemplate transactions;

    RegisterEntryController(JdbcClient jdbc, Directory directory, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.transactions = transactions;
    }

    // --- regions ---

    @GetMapping("/admin/regioner/{code}")
    String region(@PathVariable String code, Model model) {
        String name = jdbc.sql("SELECT name FROM region WHERE code = ?")
                .param(code)
                .query(String.class)
                .optional()
                .orElseThrow(RegisterEntryController::notFound);
        model.addAttribute("entryForm", RegisterEntryForm.of(name, null));
        return view(model, Kind.REGION, "/admin/regioner/" + code);
    }

    @PostMapping("/admin/regioner/{code}")
    String saveRegion(
            @PathVariable String code,
            @Valid @ModelAttribute("entryForm") RegisterEntryForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        existing("SELECT count(*) FROM region WHERE code = ?", code);
        String action = "/admin/regioner/" + code;
        if (!result.hasErrors()) {
            saveUnique(
                    result,
                    () -> jdbc.sql("UPDATE region SET name = ? WHERE code = ?")
                            .params(form.name(), code)
                            .update());
        }
        return result.hasErrors() ? view(model, Kind.REGION, action) : saved(redirect, action);
    }

    // --- municipalities ---

    @GetMapping("/admin/kommuner/{code}")
    String municipality(@PathVariable String code, Model model) {
        model.addAttribute("entryForm", entry("SELECT name, region_code FROM municipality WHERE code = ?", code));
        return view(model, Kind.MUNICIPALITY, "/admin/kommuner/" + code);
    }

    @PostMapping("/admin/kommuner/{code}")
    String saveMunicipality(
            @PathVariable String code,
            @Valid @ModelAttribute("entryForm") RegisterEntryForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        existing("SELECT count(*) FROM municipality WHERE code = ?", code);
        String action = "/admin/kommuner/" + code;
        checkRegion(form, result);
        if (!result.hasErrors()) {
            jdbc.sql("UPDATE municipality SET name = ?, region_code = ? WHERE code = ?")
                    .params(form.name(), form.getRegionCode(), code)
                    .update();
        }
        return result.hasErrors() ? view(model, Kind.MUNICIPALITY, action) : saved(redirect, action);
    }

    // --- hospital units ---

    @GetMapping("/admin/hospitalsenheder/ny")
    String newHospitalUnit(Model model) {
        model.addAttribute("entryForm", new RegisterEntryForm());
        return view(model, Kind.NEW_HOSPITAL_UNIT, "/admin/hospitalsenheder");
    }

    @PostMapping("/admin/hospitalsenheder")
    String createHospitalUnit(
            @Valid @ModelAttribute("entryForm") RegisterEntryForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        checkRegion(form, result);
        checkCatchment(form, result);
        long[] id = {0};
        if (!result.hasErrors()) {
            saveUnique(
                    result,
                    () -> transactions.executeWithoutResult(status -> {
                        id[0] = jdbc.sql("INSERT INTO hospital_unit (name, region_code) VALUES (?, ?) RETURNING id")
                                .params(form.name(), form.getRegionCode())
                                .query(Long.class)
                                .single();
                        saveCatchment(id[0], form);
                    }));
        }
        return result.hasErrors()
                ? view(model, Kind.NEW_HOSPITAL_UNIT, "/admin/hospitalsenheder")
                : saved(redirect, "/admin/hospitalsenheder/" + id[0]);
    }

    @GetMapping("/admin/hospitalsenheder/{id}")
    String hospitalUnit(@PathVariable long id, Model model) {
        RegisterEntryForm form = entry("SELECT name, region_code FROM hospital_unit WHERE id = ?", id);
        form.setCatchment(directory.catchment(id).stream()
                .map(MunicipalityView::code)
                .collect(Collectors.toCollection(ArrayList::new)));
        model.addAttribute("entryForm", form);
        return view(model, Kind.HOSPITAL_UNIT, "/admin/hospitalsenheder/" + id);
    }

    @PostMapping("/admin/hospitalsenheder/{id}")
    String saveHospitalUnit(
            @PathVariable long id,
            @Valid @ModelAttribute("entryForm") RegisterEntryForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        existing("SELECT count(*) FROM hospital_unit WHERE id = ?", id);
        String action = "/admin/hospitalsenheder/" + id;
        checkRegion(form, result);
        checkCatchment(form, result);
        if (!result.hasErrors()) {
            saveUnique(
                    result,
                    () -> transactions.executeWithoutResult(status -> {
                        jdbc.sql("UPDATE hospital_unit SET name = ?, region_code = ? WHERE id = ?")
                                .params(form.name(), form.getRegionCode(), id)
                                .update();
                        saveCatchment(id, form);
                    }));
        }
        return result.hasErrors() ? view(model, Kind.HOSPITAL_UNIT, action) : saved(redirect, action);
    }

    /** What the one form page shows: its title and whether it asks for a region. */
    enum Kind {
        REGION("register.region.title", false),
        MUNICIPALITY("register.municipality.title", true),
        HOSPITAL_UNIT("register.hospitalUnit.title", true),
        NEW_HOSPITAL_UNIT("register.hospitalUnit.new", true);

        /** A hospital unit has a catchment area. */
        public boolean asksCatchment() {
            return this == HOSPITAL_UNIT || this == NEW_HOSPITAL_UNIT;
        }

        final String title;
        final boolean asksRegion;

        Kind(String title, boolean asksRegion) {
            this.title = title;
            this.asksRegion = asksRegion;
        }

        public String title() {
            return title;
        }

        public boolean asksRegion() {
            return asksRegion;
        }
    }

    private String view(Model model, Kind kind, String action) {
        model.addAttribute("kind", kind);
        model.addAttribute("action", action);
        model.addAttribute("regions", directory.regions());
        if (kind.asksCatchment()) {
            List<MunicipalityView> municipalities = directory.municipalities();
            Set<String> chosen = model.getAttribute("entryForm") instanceof RegisterEntryForm form
                    ? Set.copyOf(form.getCatchment())
                    : Set.of();
            model.addAttribute(
                    "municipalitiesByRegion",
                    municipalities.stream()
                            .collect(Collectors.groupingBy(
                                    MunicipalityView::regionName, TreeMap::new, Collectors.toList())));
            model.addAttribute(
                    "openRegions",
                    municipalities.stream()
                            .filter(m -> chosen.contains(m.code()))
                            .map(MunicipalityView::regionName)
                            .collect(Collectors.toSet()));
        }
        return VIEW;
    }

    /** The catchment area lies in the unit's region: a municipality of another region is refused at the field. */
    private void checkCatchment(RegisterEntryForm form, BindingResult result) {
        if (result.hasFieldErrors("regionCode") || form.getCatchment().isEmpty()) {
            return;
        }
        Set<String> inRegion = Set.of(directory.municipalityCodesIn(form.getRegionCode()));
        if (!inRegion.containsAll(form.getCatchment())) {
            result.rejectValue("catchment", "register.catchment.otherRegion");
        }
    }

    private void saveCatchment(long unitId, RegisterEntryForm form) {
        jdbc.sql("DELETE FROM hospital_unit_catchment WHERE hospital_unit_id = ?")
                .param(unitId)
                .update();
        for (String code : new LinkedHashSet<>(form.getCatchment())) {
            jdbc.sql("INSERT INTO hospital_unit_catchment (hospital_unit_id, municipality_code) VALUES (?, ?)")
                    .params(unitId, code)
                    .update();
        }
    }

    private static String saved(RedirectAttributes redirect, String page) {
        redirect.addFlashAttribute("saved", true);
        return "redirect:" + page;
    }

    /** A name another entry of the register has is refused at the field (the tables keep names unique). */
    private static void saveUnique(BindingResult result, Runnable save) {
        try {
            save.run();
        } catch (DuplicateKeyException taken) {
            result.rejectValue("name", "register.name.taken");
        }
    }

    private void checkRegion(RegisterEntryForm form, BindingResult result) {
        String region = form.getRegionCode();
        if (region == null || region.isBlank()) {
            result.rejectValue("regionCode", "register.region.required");
        } else if (directory.regions().stream().noneMatch(r -> r.code().equals(region))) {
            result.rejectValue("regionCode", "provider.region.unknown");
        }
    }

    /** The entry's name and region as the form shows them; 404 for an entry the register does not have. */
    private RegisterEntryForm entry(String selectNameAndRegion, Object key) {
        return jdbc.sql(selectNameAndRegion)
                .param(key)
                .query((rs, n) -> RegisterEntryForm.of(rs.getString(1), rs.getString(2)))
                .optional()
                .orElseThrow(RegisterEntryController::notFound);
    }

    private void existing(String countSql, Object key) {
        if (jdbc.sql(countSql).param(key).query(Integer.class).single() == 0) {
            throw notFound();
        }
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }

    static class RegisterEntryForm {
        @NotBlank(message = "{register.name.required}")
        @Size(max = 200, message = "{provider.name.length}")
        @SingleLine
        private String name;

        private String regionCode;

        private List<String> catchment = new ArrayList<>();

        static RegisterEntryForm of(String name, String regionCode) {
            var form = new RegisterEntryForm();
            form.setName(name);
            form.setRegionCode(regionCode);
            return form;
        }

        String name() {
            return name.strip();
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

        public List<String> getCatchment() {
            return catchment;
        }

        public void setCatchment(List<String> catchment) {
            this.catchment = catchment == null ? new ArrayList<>() : catchment;
        }
    }
}
