package nl.casustafel.platform;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

/** The invalid fields behind a failed request, named as the client knows them. */
final class InvalidFields {

    private InvalidFields() {
    }

    static List<Problem.FieldError> of(Throwable cause) {
        return switch (cause) {
            case InvalidInputException e -> e.errors();
            case ConstraintViolationException e when e.getConstraintViolations() != null -> e.getConstraintViolations().stream()
                    .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                    .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                    .toList();
            case null, default -> List.of();
        };
    }

    /**
     * Bean Validation names a controller argument's violation {@code create.body.duoReference}: the Java
     * method and parameter, then the field. The client only knows the field, so the method is dropped, and
     * the parameter too unless it is itself the invalid value (a {@code @QueryValue}, say).
     */
    static String fieldName(ConstraintViolation<?> violation) {
        StringBuilder name = new StringBuilder();
        Iterator<Path.Node> nodes = violation.getPropertyPath().iterator();
        while (nodes.hasNext()) {
            Path.Node node = nodes.next();
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR
                    || node.getKind() == ElementKind.RETURN_VALUE
                    || (node.getKind() == ElementKind.PARAMETER && nodes.hasNext())) {
                continue;
            }
            if (node.isInIterable()) {
                name.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                if (!name.isEmpty()) {
                    name.append('.');
                }
                name.append(node.getName());
            }
        }
        return name.toString();
    }
}
