package nl.casustafel.privacy;

import jakarta.inject.Singleton;
import nl.casustafel.account.Viewer;

/**
 * The one place that decides what a viewer may see of a pupil. Every read of pupil data, in the
 * UI and in the API, asks this service.
 */
@Singleton
public class DisclosurePolicy {

    public DisclosureDecision decide(Viewer viewer, PupilFacts pupil) {
        if (viewer.role().isGovernance()) {
            return new DisclosureDecision(Disclosure.NONE, null, "why.governance");
        }
        if (viewer.role().isSchoolStaff()) {
            return viewer.worksAt(pupil.schoolId())
                    ? new DisclosureDecision(Disclosure.IDENTIFIED, "enrolment:school:" + pupil.schoolId(), "why.ownSchool")
                    : new DisclosureDecision(Disclosure.NONE, null, "why.otherSchool");
        }
        return new DisclosureDecision(Disclosure.NONE, null, "why.noBasis");
    }
}
