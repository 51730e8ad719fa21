package io.github.pqlconnector.salesforce;

import io.github.pqlconnector.core.error.ErrorCategory;
import io.github.pqlconnector.core.error.VendorException;
import io.github.pqlconnector.core.spi.SetupReport;
import io.github.pqlconnector.salesforce.api.CustomFieldRequest;
import io.github.pqlconnector.salesforce.api.DescribeResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code pql setup} for Salesforce: describes each configured object and checks every PQL field exists with the
 * right type. A missing one is created through the Tooling API where the user may ("Customize Application"); either
 * way the report says what a person must still do: field-level security (the API never grants it, and until it is
 * granted the integration user cannot see the field), or, where creating was refused, exactly which field to add and
 * how. A field of the wrong type is reported, never changed. With {@code dryRun} nothing is created.
 */
final class SalesforceSetup {
  static final String DEPLOY = "sf project deploy start --metadata-dir connector-salesforce/metadata"
      + " (creates every field and the PQL_Connector permission set, which grants read/edit on them)";

  private final SalesforceCalls calls;
  private final List<String> objects;
  private final boolean tasks;

  SalesforceSetup(SalesforceCalls calls, List<String> objects, boolean tasks) {
    this.calls = calls;
    this.objects = List.copyOf(objects);
    this.tasks = tasks;
  }

  SetupReport ensureFields(boolean dryRun) {
    Report report = new Report(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    for (String object : objects) {
      describe(object, report).ifPresent(d -> SalesforceFields.recordFields()
          .forEach(f -> ensure(object, object, d, f, dryRun, report)));
    }
    if (tasks) {
      describe(SObjects.TASK, report).ifPresent(d -> ensure(SObjects.TASK, SalesforceFields.TASK_FIELDS_OBJECT, d,
          SalesforceFields.taskKey(), dryRun, report));
    }
    return new SetupReport(report.created(), report.unchanged(), report.problems());
  }

  private Optional<DescribeResponse> describe(String object, Report report) {
    try {
      return Optional.of(calls.execute(calls.api().describe(calls.data(), object)));
    } catch (VendorException e) {
      if (e.category() != ErrorCategory.NOT_FOUND && e.category() != ErrorCategory.PERMISSION) {
        throw e;
      }
      report.problems().add(object + ": cannot be described (" + e.getMessage() + "); give the integration user"
          + " read access to " + object + " or remove it from the config");
      return Optional.empty();
    }
  }

  /** {@code object} is where the field shows (Task), {@code owner} where it is defined (Activity). */
  private void ensure(String object, String owner, DescribeResponse described, FieldSpec field, boolean dryRun,
      Report report) {
    String name = object + "." + field.name();
    Optional<DescribeResponse.Field> existing = described.field(field.name());
    if (existing.isPresent()) {
      if (existing.get().type().equals(field.describeType())) {
        report.unchanged().add(name);
      } else {
        report.problems().add(name + ": exists as type '" + existing.get().type() + "', expected '"
            + field.describeType() + "'; left unchanged (rename or delete it in Salesforce, then run setup again)");
      }
      return;
    }
    if (dryRun) {
      report.created().add(name);
      return;
    }
    try {
      calls.execute(calls.api().createCustomField(calls.data(),
          new CustomFieldRequest(owner + "." + field.name(), field.metadata())));
      report.created().add(name);
      report.problems().add(name + ": created, but Salesforce grants no field-level security with it; give the"
          + " integration user read and edit access (Setup → Permission Sets → your set → Object Settings → " + object
          + ", or assign the PQL_Connector permission set from " + DEPLOY + ")");
    } catch (VendorException e) {
      if (e.category() != ErrorCategory.PERMISSION && e.category() != ErrorCategory.INVALID_REQUEST) {
        throw e;
      }
      report.problems().add(name + ": missing, and the integration user may not create it (" + e.getMessage()
          + "). Add it in Setup → Object Manager → " + owner + " → Fields & Relationships → New: " + field.uiType()
          + ", label '" + field.label() + "', API name " + field.name() + "; then grant read and edit field-level"
          + " security to the integration user. Or run " + DEPLOY);
    }
  }

  private record Report(List<String> created, List<String> unchanged, List<String> problems) {}
}
