package dk.samspil.pko;

import dk.samspil.pko.KmReviews.Count;
import dk.samspil.pko.KmReviews.Response;
import dk.samspil.pko.KmReviews.Sender;
import dk.samspil.pko.KmReviews.Topic;
import dk.samspil.platform.SingleLine;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.YearMonth;
import org.springframework.validation.BindingResult;

/** The forms of the correspondence review: a new review, and one count typed in by hand. */
final class KmForms {

    private KmForms() {}

    /** A new review: its name (e.g. "Hjemmeplejen, 1. halvår") and the municipality. */
    static class ReviewForm {

        @NotBlank(message = "{pko.km.review.name.required}")
        @Size(max = 200, message = "{field.tooLong}")
        @SingleLine
        private String name;

        private String municipalityCode;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getMunicipalityCode() {
            return municipalityCode;
        }

        public void setMunicipalityCode(String municipalityCode) {
            this.municipalityCode = municipalityCode;
        }
    }

    /** One count: the month, the three categories and the number. */
    static class CountForm {

        private String month;
        private String topic;
        private String sender;
        private String response = Response.ORDINARY.name();
        private String count;

        /** The count, or null with the Danish message at each field that is wrong. */
        Count check(BindingResult result, YearMonth latest) {
            YearMonth m = KmUpload.month(month);
            if (m == null) {
                result.rejectValue("month", "pko.km.form.month");
            } else if (m.isAfter(latest) || m.getYear() < 2000) {
                result.rejectValue("month", "pko.km.form.monthOutside");
            }
            Topic t = PlanFields.choice(Topic.class, topic);
            if (t == null) {
                result.rejectValue("topic", "pko.km.form.topic");
            }
            Sender s = PlanFields.choice(Sender.class, sender);
            if (s == null) {
                result.rejectValue("sender", "pko.km.form.sender");
            }
            Response r = PlanFields.choice(Response.class, response);
            if (r == null) {
                result.rejectValue("response", "pko.km.form.response");
            }
            Integer n = null;
            String digits = count == null ? "" : count.strip();
            if (!digits.matches("\\d{1,7}") || Integer.parseInt(digits) > 1_000_000) {
                result.rejectValue("count", "pko.km.form.count");
            } else {
                n = Integer.parseInt(digits);
            }
            return result.hasErrors() ? null : new Count(m, t, s, r, n);
        }

        public String getMonth() {
            return month;
        }

        public void setMonth(String month) {
            this.month = month;
        }

        public String getTopic() {
            return topic;
        }

        public void setTopic(String topic) {
            this.topic = topic;
        }

        public String getSender() {
            return sender;
        }

        public void setSender(String sender) {
            this.sender = sender;
        }

        public String getResponse() {
            return response;
        }

        public void setResponse(String response) {
            this.response = response;
        }

        public String getCount() {
            return count;
        }

        public void setCount(String count) {
            this.count = count;
        }
    }
}
