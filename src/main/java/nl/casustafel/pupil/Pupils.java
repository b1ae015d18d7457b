package nl.casustafel.pupil;

import jakarta.inject.Singleton;

import java.util.Optional;

/** The pupils as other features look them up (by id, read-only); writing and lists stay in this feature. Identity is not here: it is read through the privacy kernel. */
@Singleton
public class Pupils {

    private final PupilRepository repository;

    Pupils(PupilRepository repository) {
        this.repository = repository;
    }

    public Optional<Pupil> findById(long id) {
        return repository.findById(id);
    }
}
