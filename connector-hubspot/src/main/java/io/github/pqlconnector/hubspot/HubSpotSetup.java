package io.github.pqlconnector.hubspot;

import io.github.pqlconnector.core.error.ErrorCategory;
import io.github.pqlconnector.core.error.VendorException;
import io.github.pqlconnector.core.spi.SetupReport;
import io.github.pqlconnector.hubspot.api.PropertyCreateRequest;
import io.github.pqlconnector.hubspot.api.PropertyGroupCreateRequest;
import io.github.pqlconnector.hubspot.api.PropertyResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import retrofit2.Call;

/**
 * {@code pql setup} for HubSpot: on each object type, the {@code pql} property group and every PQL property, read
 * first and created only when missing (404). An existing property of the right type is left alone; one of another
 * type is reported, never changed, since rewriting it could destroy the portal's data. With {@code dryRun} nothing is
 * created and {@code created} lists what would be.
 */
final class HubSpotSetup {
  private final HubSpotCalls calls;
  private final List<String> objectTypes;
  private final boolean tasks;

  HubSpotSetup(HubSpotCalls calls, List<String> objectTypes, boolean tasks) {
    this.calls = calls;
    this.objectTypes = List.copyOf(objectTypes);
    this.tasks = tasks;
  }

  SetupReport ensureFields(boolean dryRun) {
    Report report = new Report(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    for (String objectType : objectTypes) {
      ensureGroup(objectType, dryRun, report);
      HubSpotFields.recordProperties().forEach(property -> ensureProperty(objectType, property, dryRun, report));
    }
    if (tasks) {
      ensureGroup(HubSpotTasks.TASKS, dryRun, report);
      ensureProperty(HubSpotTasks.TASKS, HubSpotFields.taskKeyProperty(), dryRun, report);
    }
    return new SetupReport(report.created(), report.unchanged(), report.problems());
  }

  private void ensureGroup(String objectType, boolean dryRun, Report report) {
    String name = objectType + " group " + HubSpotFields.GROUP;
    if (ifExists(() -> calls.api().readPropertyGroup(calls.properties(), objectType, HubSpotFields.GROUP))
        .isPresent()) {
      report.unchanged().add(name);
      return;
    }
    boolean created = dryRun || create(() -> calls.api().createPropertyGroup(calls.properties(), objectType,
        new PropertyGroupCreateRequest(HubSpotFields.GROUP, HubSpotFields.GROUP_LABEL, -1)));
    (created ? report.created() : report.unchanged()).add(name);
  }

  private void ensureProperty(String objectType, PropertyCreateRequest wanted, boolean dryRun, Report report) {
    String name = objectType + "." + wanted.name();
    Optional<PropertyResponse> existing =
        ifExists(() -> calls.api().readProperty(calls.properties(), objectType, wanted.name()));
    if (existing.isPresent()) {
      String type = existing.get().type();
      if (type.equals(wanted.type().wireName())) {
        report.unchanged().add(name);
      } else {
        report.problems().add(name + ": exists with type '" + type + "', expected '" + wanted.type().wireName()
            + "'; left unchanged (rename or delete it in HubSpot, then run setup again)");
      }
      return;
    }
    boolean created = dryRun || create(() -> calls.api().createProperty(calls.properties(), objectType, wanted));
    (created ? report.created() : report.unchanged()).add(name);
  }

  private <T> Optional<T> ifExists(Supplier<Call<T>> call) {
    try {
      return Optional.of(calls.execute(call.get()));
    } catch (VendorException e) {
      if (e.category() == ErrorCategory.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** True when created; false on 409, HubSpot's answer when another setup created it since the read. */
  private <T> boolean create(Supplier<Call<T>> call) {
    try {
      calls.execute(call.get());
      return true;
    } catch (VendorException e) {
      if (e.category() == ErrorCategory.CONFLICT) {
        return false;
      }
      throw e;
    }
  }

  private record Report(List<String> created, List<String> unchanged, List<String> problems) {}
}
