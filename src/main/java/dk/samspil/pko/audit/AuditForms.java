package dk.samspil.pko.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.web.multipart.MultipartFile;

/** The audit pages' forms: each checks itself into the page's drafts and field errors (message keys). */
final class AuditForms {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private AuditForms() {}

    record PlanForm(String place, String title, String description, String departmentDoctor) {
        void check(Map<String, String> draft, Map<String, String> errors) {
            draft.put("place", nz(place));
            required("title", title, 200, false, draft, errors);
            required("description", description, 4000, true, draft, errors);
            required("departmentDoctor", departmentDoctor, 200, false, draft, errors);
            if (nz(place).isBlank()) {
                errors.put("place", "pko.audit.place.required");
            }
        }
    }

    record CriterionForm(String text) {
        void check(String key, Map<String, String> draft, Map<String, String> errors) {
            required(key, text, 300, false, draft, errors);
        }
    }

    record RequestForm(String managementName, String managementEmail, String requestText) {
        void check(Map<String, String> draft, Map<String, String> errors) {
            required("managementName", managementName, 200, false, draft, errors);
            required("managementEmail", managementEmail, 320, false, draft, errors);
            required("requestText", requestText, 4000, true, draft, errors);
            if (!errors.containsKey("managementEmail")
                    && !EMAIL.matcher(managementEmail.strip()).matches()) {
                errors.put("managementEmail", "pko.audit.managementEmail.invalid");
            }
            if (!errors.containsKey("requestText") && CaseTexts.looksLikeCpr(requestText)) {
                errors.put("requestText", "pko.audit.remark.cpr");
            }
        }
    }

    record LetterForm(String approverName, String approverTitle, MultipartFile file) {
        void check(long maxBytes, Map<String, String> draft, Map<String, String> errors) {
            required("approverName", approverName, 200, false, draft, errors);
            required("approverTitle", approverTitle, 200, false, draft, errors);
            if (file == null || file.isEmpty()) {
                errors.put("file", "pko.audit.letter.required");
            } else if (file.getSize() > maxBytes) {
                errors.put("file", "pko.audit.letter.tooLarge");
            } else if (kind(file) == null) {
                errors.put("file", "pko.audit.letter.type");
            }
        }

        /** The content type by what the file is, not what the browser says: a PDF or a Word document (.docx). */
        static String kind(MultipartFile file) {
            try (var in = file.getInputStream()) {
                byte[] head = in.readNBytes(5);
                String name = nz(file.getOriginalFilename()).toLowerCase(Locale.ROOT);
                if (head.length == 5
                        && new String(head, StandardCharsets.US_ASCII).equals("%PDF-")
                        && name.endsWith(".pdf")) {
                    return "application/pdf";
                }
                if (head.length >= 4
                        && head[0] == 'P'
                        && head[1] == 'K'
                        && head[2] == 3
                        && head[3] == 4
                        && name.endsWith(".docx")) {
                    return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
                }
                return null;
            } catch (IOException e) {
                return null;
            }
        }
    }

    record CasesForm(String caseNumbers) {
        /** The case numbers, one a line; the first line that is no case number refuses them all. */
        List<String> check(Map<String, String> draft, Map<String, String> errors) {
            draft.put("caseNumbers", nz(caseNumbers));
            List<String> numbers = new ArrayList<>();
            String[] lines = nz(caseNumbers).split("\\R");
            for (int line = 0; line < lines.length; line++) {
                if (lines[line].isBlank()) {
                    continue;
                }
                var problem = CaseTexts.caseNumberProblem(lines[line]);
                if (problem.isPresent()) {
                    errors.put("caseNumbers", problem.get());
                    return List.of();
                }
                numbers.add(lines[line].strip());
            }
            if (numbers.isEmpty()) {
                errors.put("caseNumbers", "pko.audit.case.required");
            }
            return numbers;
        }
    }

    record CompleteForm(String conclusions, String actions) {
        void check(Map<String, String> draft, Map<String, String> errors) {
            required("conclusions", conclusions, 4000, true, draft, errors);
            draft.put("actions", nz(actions));
            if (nz(actions).strip().length() > 4000) {
                errors.put("actions", "pko.audit.field.tooLong");
            }
            for (String field : List.of("conclusions", "actions")) {
                if (!errors.containsKey(field) && CaseTexts.looksLikeCpr(draft.get(field))) {
                    errors.put(field, "pko.audit.remark.cpr");
                }
            }
        }
    }

    record DecisionForm(String decision, String name, String title, String comment) {
        void check(Map<String, String> draft, Map<String, String> errors) {
            draft.put("decision", nz(decision));
            required("name", name, 200, false, draft, errors);
            required("title", title, 200, false, draft, errors);
            draft.put("comment", nz(comment));
            if (!"APPROVE".equals(decision) && !"REFUSE".equals(decision)) {
                errors.put("decision", "pko.audit.decision.required");
            }
            if (nz(comment).strip().length() > 1000) {
                errors.put("comment", "pko.audit.field.tooLong");
            } else if (CaseTexts.looksLikeCpr(comment)) {
                errors.put("comment", "pko.audit.remark.cpr");
            }
        }

        boolean approved() {
            return "APPROVE".equals(decision);
        }
    }

    static void required(
            String key,
            String value,
            int max,
            boolean multiline,
            Map<String, String> draft,
            Map<String, String> errors) {
        String text = nz(value).strip();
        draft.put(key, nz(value));
        if (text.isEmpty()) {
            errors.put(key, "pko.audit.field.required");
        } else if (text.length() > max) {
            errors.put(key, "pko.audit.field.tooLong");
        } else if (!multiline && text.contains("\n")) {
            errors.put(key, "pko.audit.field.oneLine");
        }
    }

    static String clean(String value) {
        String text = nz(value).strip();
        return text.isEmpty() ? null : text;
    }

    static String nz(String value) {
        return value == null ? "" : value;
    }
}
