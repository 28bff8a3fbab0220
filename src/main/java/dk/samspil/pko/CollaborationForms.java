package dk.samspil.pko;

import dk.samspil.pko.ManegeCases.ActorKind;
import dk.samspil.platform.SingleLine;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The smaller forms of a collaboration meeting's page: an invitee, and the Manegemodellen case's parts. */
final class CollaborationForms {

    private CollaborationForms() {}

    /** Someone invited: name, organisation (e.g. practice or home care), address. */
    static class InviteeForm {

        @NotBlank(message = "{pko.collab.invitee.name.required}")
        @Size(max = 200, message = "{field.tooLong}")
        @SingleLine
        private String name;

        @Size(max = 200, message = "{field.tooLong}")
        @SingleLine
        private String organisation;

        @NotBlank(message = "{pko.collab.invitee.email.required}")
        @Email(message = "{pko.collab.invitee.email.invalid}")
        @Size(max = 254, message = "{field.tooLong}")
        @SingleLine
        private String email;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getOrganisation() {
            return organisation;
        }

        public void setOrganisation(String organisation) {
            this.organisation = organisation;
        }

        public String getEmail() {
            return email;
        }

        public void setEmail(String email) {
            this.email = email;
        }
    }

    /** Who the case is about and their story. */
    static class StoryForm {

        @NotBlank(message = "{pko.manege.person.required}")
        @Size(max = 200, message = "{field.tooLong}")
        @SingleLine
        private String person;

        @NotBlank(message = "{pko.manege.story.required}")
        @Size(max = 5000, message = "{field.tooLong}")
        private String story;

        private int storyVersion = -1;

        public String getPerson() {
            return person;
        }

        public void setPerson(String person) {
            this.person = person;
        }

        public String getStory() {
            return story;
        }

        public void setStory(String story) {
            this.story = story;
        }

        public int getStoryVersion() {
            return storyVersion;
        }

        public void setStoryVersion(int storyVersion) {
            this.storyVersion = storyVersion;
        }
    }

    /** An actor who goes into the ring: what kind, and who (e.g. "Egen læge", "Visitator"). */
    static class ActorForm {

        private String actorKind = ActorKind.GENERAL_PRACTICE.name();

        @NotBlank(message = "{pko.manege.actor.name.required}")
        @Size(max = 200, message = "{field.tooLong}")
        @SingleLine
        private String actorName;

        ActorKind kindValue() {
            return PlanFields.choice(ActorKind.class, actorKind);
        }

        public String getActorKind() {
            return actorKind;
        }

        public void setActorKind(String actorKind) {
            this.actorKind = actorKind;
        }

        public String getActorName() {
            return actorName;
        }

        public void setActorName(String actorName) {
            this.actorName = actorName;
        }
    }

    /** A point of the story the meeting focuses on. */
    static class PointForm {

        @NotBlank(message = "{pko.manege.point.title.required}")
        @Size(max = 200, message = "{field.tooLong}")
        @SingleLine
        private String pointTitle;

        @Size(max = 2000, message = "{field.tooLong}")
        private String pointDescription;

        public String getPointTitle() {
            return pointTitle;
        }

        public void setPointTitle(String pointTitle) {
            this.pointTitle = pointTitle;
        }

        public String getPointDescription() {
            return pointDescription;
        }

        public void setPointDescription(String pointDescription) {
            this.pointDescription = pointDescription;
        }
    }
}
