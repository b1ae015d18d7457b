package nl.casustafel.school;

import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The schools as other features look them up (read-only). */
@Singleton
public class Schools {

    private final SchoolRepository repository;

    Schools(SchoolRepository repository) {
        this.repository = repository;
    }

    public Optional<School> findById(long id) {
        return repository.findById(id);
    }

    public List<School> listOrderByName() {
        return repository.listOrderByName();
    }

    public List<School> findByIdInOrderByName(Collection<Long> ids) {
        return repository.findByIdInOrderByName(ids);
    }
}
