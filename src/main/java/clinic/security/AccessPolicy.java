package clinic.security;

import clinic.model.Model;

import java.util.List;

/**
 * One model's access rules, in one place: a grant per role that may touch it (../shared/API.md, Access). A role
 * with no grant gets nothing; several roles get the union. Implementations are beans in the model's package.
 */
public interface AccessPolicy {

    Class<? extends Model> model();

    List<Grant> grants();
}
