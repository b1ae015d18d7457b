package nl.casustafel.account;

import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** User accounts as other features look them up (read-only); creating and changing them is {@link AccountLifecycle}'s. */
@Singleton
public class Accounts {

    private final UserAccountRepository repository;

    Accounts(UserAccountRepository repository) {
        this.repository = repository;
    }

    public Optional<UserAccount> findById(long id) {
        return repository.findById(id);
    }

    public List<UserAccount> listOrderByDisplayName() {
        return repository.listOrderByDisplayName();
    }

    public List<UserAccount> findByPartyIdOrderByDisplayName(long partyId) {
        return repository.findByPartyIdOrderByDisplayName(partyId);
    }

    public Set<Long> findSchoolIds(long userId) {
        return repository.findSchoolIds(userId);
    }

    public Set<Long> findSwornMunicipalityIds(long userId) {
        return repository.findSwornMunicipalityIds(userId);
    }
}
