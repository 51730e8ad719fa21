package io.github.pqlconnector.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

/** Core names no vendor, prints nothing, has no package cycles, and the engine does no I/O. */
@AnalyzeClasses(packages = "io.github.pqlconnector.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  @ArchTest
  static final ArchRule coreNamesNoVendor = noClasses().should().dependOnClassesThat()
      .resideInAnyPackage("..hubspot..", "..salesforce..", "..bitrix24..", "..mixpanel..", "..amplitude..", "..posthog..");

  @ArchTest
  static final ArchRule oneRootHttpClient = noClasses().that().resideOutsideOfPackage("..core.http..").should()
      .callConstructor(okhttp3.OkHttpClient.class);

  @ArchTest
  static final ArchRule noStandardStreams = GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;

  @ArchTest
  static final ArchRule engineIsPure = noClasses().that().resideInAPackage("..core.engine..").should()
      .dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio..", "java.sql..", "..core.state..");

  @ArchTest
  static final ArchRule modelDependsOnNothingOfOurs = noClasses().that().resideInAPackage("..core.model..").should()
      .dependOnClassesThat().resideInAnyPackage("..core.engine..", "..core.sync..", "..core.state..", "..core.config..");

  /** The model is what the bucket codec encodes by; the model knowing the codec made each need the other. */
  @ArchTest
  static final ArchRule codecDoesNotCallBack = noClasses().that().haveSimpleName("CompiledModel").should()
      .dependOnClassesThat().haveSimpleName("BucketCodec");

  /** Packages layer: a cycle (config and spi each needing the other) makes neither understandable alone. */
  @ArchTest
  static final ArchRule noPackageCycles = slices().matching("io.github.pqlconnector.core.(*)..").should()
      .beFreeOfCycles();
}
