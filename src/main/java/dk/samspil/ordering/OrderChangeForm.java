package dk.samspil.ordering;

import dk.samspil.ordering.OrderViews.OrderView;
import dk.samspil.ordering.OrderViews.ParticipantView;

/**
 * The change form of a placed order: the order form's meeting date, start time, venue, municipal participants and
 * elective topics, and the order's version it was read in (the optimistic lock). The rules are in
 * {@link OrderRules#checkChange}.
 */
class OrderChangeForm extends OrderForm {

    private int version;

    /** The form as the order stands, with room for more participants. */
    static OrderChangeForm of(OrderView order) {
        OrderChangeForm form = new OrderChangeForm();
        form.setPackageSlug(order.packageSlug());
        form.setMeetingDate(order.meetingDate());
        form.setStartTime(order.startTime());
        form.setVenue(order.venue());
        form.setVersion(order.version());
        form.getParticipants().clear();
        for (ParticipantView p : order.participants()) {
            ParticipantForm row = new ParticipantForm();
            row.setName(p.name());
            row.setEmail(p.email());
            row.setRole(p.role());
            row.setMunicipalityCode(p.municipalityCode());
            form.getParticipants().add(row);
        }
        form.padParticipants();
        order.electiveTopics().forEach(e -> {
            form.getElectiveTopics().add(e.key());
            if (e.freeText() != null) {
                form.setElectiveOther(e.freeText());
            }
        });
        return form;
    }

    /** The order's municipalities, which the participants' municipalities are checked against. */
    void municipalitiesOf(OrderView order) {
        getMunicipalityCodes().clear();
        order.municipalities().forEach(m -> getMunicipalityCodes().add(m.code()));
    }

    /** At least one empty row to add a participant in, when the form is shown again. */
    @Override
    void padParticipants() {
        super.padParticipants();
        if (getParticipants().stream().noneMatch(ParticipantForm::isBlank)) {
            getParticipants().add(new ParticipantForm());
        }
    }

    public int getVersion() {
        return version;
    }

    public void setVersion(int version) {
        this.version = version;
    }
}
