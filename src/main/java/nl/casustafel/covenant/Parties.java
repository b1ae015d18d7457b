package nl.casustafel.covenant;

import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

/** The covenant's parties as other features look them up (read-only). */
@Singleton
public class Parties {

    private final PartyRepository repository;

    Parties(PartyRepository repository) {
        this.repository = repository;
    }

    public Optional<Party> findById(long id) {
        return repository.findById(id);
    }

    public boolean existsById(long id) {
        return repository.existsById(id);
    }

    public List<Party> listOrderByTypeAndName() {
        return repository.listOrderByTypeAndName();
    }
}
