package clinic.model;

import java.util.List;

/** What {@code findAndCountAll} returns: the page of rows and the count of all matching root rows. */
public record Result<T>(long count, List<T> rows) {
}
