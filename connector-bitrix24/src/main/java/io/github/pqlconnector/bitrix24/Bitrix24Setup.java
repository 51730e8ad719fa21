package io.github.pqlconnector.bitrix24;

import io.github.pqlconnector.bitrix24.api.UserFieldAddRequest;
import io.github.pqlconnector.bitrix24.api.UserFieldAddResponse;
import io.github.pqlconnector.bitrix24.api.UserFieldSpec;
import io.github.pqlconnector.core.error.ErrorCategory;
import io.github.pqlconnector.core.error.VendorException;
import io.github.pqlconnector.core.spi.SetupReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code pql setup} for Bitrix24: lists the {@code UF_CRM_PQL_*} fields on each written entity in one {@code batch},
 * creates the missing ones one by one with {@code crm.<entity>.userfield.add}, and leaves the rest alone. A field of
 * another type, or an enumeration missing items, is reported, never changed: rewriting it could destroy the portal's
 * data. Run twice, the second run creates nothing. With {@code dryRun} nothing is created and {@code created} lists
 * what would be.
 */
final class Bitrix24Setup {
  private final Bitrix24Calls calls;
  private final Bitrix24UserFields userFields;
  private final Map<BitrixEntity, List<UserFieldSpec>> wanted = new LinkedHashMap<>();

  Bitrix24Setup(Bitrix24Calls calls, Bitrix24UserFields userFields, Bitrix24Config config) {
    this.calls = calls;
    this.userFields = userFields;
    wanted.put(config.userEntity(), Bitrix24Fields.recordFields());
    List<UserFieldSpec> accountFields = new ArrayList<>(Bitrix24Fields.recordFields());
    if (Bitrix24Fields.DOMAIN.equals(config.accountField())) {   // the connector's own domain field, when chosen
      accountFields.add(Bitrix24Fields.domainField());
    }
    wanted.put(config.accountEntity(), accountFields);
  }

  SetupReport ensureFields(boolean dryRun) {
    Map<BitrixEntity, List<String>> names = new LinkedHashMap<>();
    wanted.forEach((entity, specs) -> names.put(entity, specs.stream().map(UserFieldSpec::xmlId).toList()));
    Map<BitrixEntity, Map<String, Bitrix24UserFields.Existing>> existing = userFields.read(names);
    List<String> created = new ArrayList<>();
    List<String> unchanged = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    wanted.forEach((entity, specs) -> {
      for (UserFieldSpec spec : specs) {
        String label = entity.lower() + "." + spec.xmlId();
        Bitrix24UserFields.Existing found = existing.getOrDefault(entity, Map.of()).get(spec.xmlId());
        if (found != null) {
          check(label, spec, found).ifPresentOrElse(problems::add, () -> unchanged.add(label));
        } else if (dryRun || create(entity, spec, label, problems)) {
          created.add(label);
        }
      }
    });
    return new SetupReport(created, unchanged, problems);
  }

  private static Optional<String> check(String label, UserFieldSpec spec, Bitrix24UserFields.Existing found) {
    if (!found.type().equals(spec.userTypeId())) {
      return Optional.of(label + ": exists with type '" + found.type() + "', expected '" + spec.userTypeId()
          + "'; left unchanged (rename or delete it in Bitrix24, then run setup again)");
    }
    List<String> missing = spec.list() == null ? List.of() : spec.list().stream().map(UserFieldSpec.EnumItem::xmlId)
        .filter(code -> !found.itemIds().containsKey(code)).toList();
    return missing.isEmpty() ? Optional.empty() : Optional.of(label
        + ": the list lacks the items " + missing + " (add them with these XML_IDs in Bitrix24)");
  }

  /** True when created; a refusal Bitrix24 explains (rights, a taken name) becomes a problem, not a failed run. */
  private boolean create(BitrixEntity entity, UserFieldSpec spec, String label, List<String> problems) {
    try {
      calls.execute(calls.api().addUserField(entity.lower(), new UserFieldAddRequest(spec)),
          "crm." + entity.lower() + ".userfield.add", UserFieldAddResponse::time);
      return true;
    } catch (VendorException e) {
      if (e.category() == ErrorCategory.INVALID_REQUEST || e.category() == ErrorCategory.PERMISSION) {
        problems.add(label + ": not created: " + e.getMessage()
            + (e.category() == ErrorCategory.PERMISSION ? " (setup needs a CRM administrator's webhook or app)" : ""));
        return false;
      }
      throw e;
    }
  }
}
