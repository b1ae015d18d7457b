package nl.casustafel.account;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;
import java.util.Set;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface UserAccountRepository extends CrudRepository<UserAccount, Long> {

    Optional<UserAccount> findByUsername(String username);

    List<UserAccount> listOrderByDisplayName();

    List<UserAccount> findByPartyIdOrderByDisplayName(Long partyId);

    @Query("SELECT school_id FROM user_school WHERE user_id = :userId")
    Set<Long> findSchoolIds(Long userId);

    @Query("SELECT municipality_id FROM user_sworn_municipality WHERE user_id = :userId")
    Set<Long> findSwornMunicipalityIds(Long userId);

    @Query("INSERT INTO user_school (user_id, school_id) VALUES (:userId, :schoolId)")
    void addSchool(Long userId, Long schoolId);

    @Query("INSERT INTO user_sworn_municipality (user_id, municipality_id) VALUES (:userId, :municipalityId)")
    void addSwornMunicipality(Long userId, Long municipalityId);
}
