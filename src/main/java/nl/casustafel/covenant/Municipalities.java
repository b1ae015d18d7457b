package nl.casustafel.covenant;

import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

/** The covenant's municipalities as other features look them up (read-only). */
@Singleton
public class Municipalities {

    private final MunicipalityRepository repository;

    Municipalities(MunicipalityRepository repository) {
        this.repository = repository;
    }

    public Optional<Municipality> findById(long id) {
        return repository.findById(id);
    }

    public List<Municipality> listOrderByName() {
        return repository.listOrderByName();
    }
}
