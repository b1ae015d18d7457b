package nl.casustafel.covenant;

import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** Gemeente, identified by its CBS code. */
@MappedEntity("municipality")
public record Municipality(@Id @GeneratedValue Long id, String code, String name) {
}
