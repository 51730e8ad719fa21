package io.github.pqlconnector.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.pqlconnector.core.annotation.OneOf;
import io.github.pqlconnector.core.annotation.Required;
import io.github.pqlconnector.core.config.ConfigSections;
import io.github.pqlconnector.core.error.ConfigProblem;
import io.github.pqlconnector.core.problem.ConfigPath;
import io.github.pqlconnector.core.problem.LineIndex;
import io.github.pqlconnector.core.problem.Problems;
import io.github.pqlconnector.core.spi.Plugins;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The schema's facts are the loader's: every key of every config record (core's and each plugin's) is described,
 * each {@link Required} key missing is reported as required by the record's own validation, and each {@link OneOf}
 * key refuses a value not listed.
 */
class ConfigDeclarationsTest {
  static final String NOT_LISTED = "not-a-listed-value";
  static final ConfigPath AT = ConfigPath.of("block");
  /** For a record held directly by another (not in a list), the component of the record around it. */
  final Map<Class<?>, RecordComponent> holders = new HashMap<>();
  final Set<Class<?>> records = reachableRecords();

  @Test
  void everyKeyIsDescribed() {
    assertThat(records).hasSizeGreaterThan(30);
    List<String> undescribed = components().filter(c -> {
      JsonPropertyDescription d = field(c).getAnnotation(JsonPropertyDescription.class);
      return d == null || d.value().isBlank();
    }).map(ConfigDeclarationsTest::name).toList();
    assertThat(undescribed).as("keys without @JsonPropertyDescription").isEmpty();
  }

  @Test
  void aRequiredKeyLeftOutIsReportedAsRequired() throws ReflectiveOperationException {
    List<RecordComponent> required = components().filter(c -> field(c).isAnnotationPresent(Required.class)).toList();
    assertThat(required).hasSizeGreaterThan(15);
    for (RecordComponent component : required) {
      Check check = check(component, null);
      assertThat(check.problems()).as(name(component)).anySatisfy(p -> {
        assertThat(p.path()).isEqualTo(check.path());
        assertThat(p.message()).contains("is required");
      });
    }
  }

  @Test
  void aOneOfKeyRefusesAValueNotListed() throws ReflectiveOperationException {
    List<RecordComponent> oneOfs = components().filter(c -> field(c).isAnnotationPresent(OneOf.class)).toList();
    assertThat(oneOfs).hasSizeGreaterThan(8);
    for (RecordComponent component : oneOfs) {
      for (String listed : field(component).getAnnotation(OneOf.class).value()) {
        Check check = check(component, listed);
        assertThat(check.problems()).as(name(component) + "=" + listed).noneMatch(p -> p.path().equals(check.path()));
      }
      Check check = check(component, NOT_LISTED);
      assertThat(check.problems()).as(name(component)).anyMatch(p -> p.path().equals(check.path()));
    }
  }

  /** What validation says with {@code component} set to {@code value}, and where it should say it. */
  record Check(List<ConfigProblem> problems, String path) {}

  /**
   * The component's record built with {@code value} and every other key left out, validated by its own
   * {@code validate}, or, for a block its parent checks, by the nearest record around it that has one.
   */
  private Check check(RecordComponent component, Object value) throws ReflectiveOperationException {
    Class<?> type = component.getDeclaringRecord();
    boolean list = component.getType() == List.class;
    Object config = build(type, component.getName(), list && value != null ? List.of(value) : value);
    Deque<String> keys = new ArrayDeque<>(List.of(component.getName()));
    while (validator(type).isEmpty()) {
      RecordComponent holder = holders.get(type);
      assertThat(holder).as("a record with validation around " + type.getName()).isNotNull();
      config = build(holder.getDeclaringRecord(), holder.getName(), config);
      keys.addFirst(holder.getName());
      type = holder.getDeclaringRecord();
    }
    Method validate = validator(type).orElseThrow();
    Problems problems = new Problems(LineIndex.empty());
    Object[] params = new Object[validate.getParameterCount()];
    params[0] = AT;
    params[1] = problems;
    for (int i = 2; i < params.length; i++) {
      params[i] = validate.getParameterTypes()[i] == Set.class ? Set.of() : null;
    }
    validate.invoke(config, params);
    ConfigPath path = AT;
    for (String key : keys) {
      path = path.child(key);
    }
    // a listed value is checked where it stands in the list
    return new Check(problems.list(), (list && value != null ? path.index(0) : path).toString());
  }

  private static Object build(Class<?> type, String key, Object value) throws ReflectiveOperationException {
    RecordComponent[] all = type.getRecordComponents();
    Constructor<?> canonical = type.getDeclaredConstructor(
        Arrays.stream(all).map(RecordComponent::getType).toArray(Class<?>[]::new));
    canonical.setAccessible(true);
    Object[] args = new Object[all.length];
    for (int i = 0; i < all.length; i++) {
      if (all[i].getName().equals(key)) {
        args[i] = value;
      }
    }
    return canonical.newInstance(args);
  }

  private static java.util.Optional<Method> validator(Class<?> type) {
    return Arrays.stream(type.getDeclaredMethods()).filter(m -> m.getName().equals("validate")
        && m.getParameterCount() >= 2 && m.getParameterTypes()[0] == ConfigPath.class).findFirst()
        .map(m -> {
          m.setAccessible(true);
          return m;
        });
  }

  private Stream<RecordComponent> components() {
    return records.stream().flatMap(r -> Arrays.stream(r.getRecordComponents()));
  }

  private static java.lang.reflect.Field field(RecordComponent component) {
    try {
      return component.getDeclaringRecord().getDeclaredField(component.getName());
    } catch (NoSuchFieldException e) {
      throw new AssertionError(e);
    }
  }

  private static String name(RecordComponent component) {
    return component.getDeclaringRecord().getName() + "." + component.getName();
  }

  /** The records the config binds: the sections', each plugin's config, and every record inside those. */
  private Set<Class<?>> reachableRecords() {
    Plugins plugins = ShippedPlugins.load();
    Deque<Type> pending = new ArrayDeque<>();
    ConfigSections.ALL.stream().map(ConfigSections.Section::type).filter(Objects::nonNull).forEach(pending::add);
    plugins.sourceTypes().forEach(t -> pending.add(plugins.source(t).orElseThrow().configType()));
    plugins.destinationTypes().forEach(t -> pending.add(plugins.destination(t).orElseThrow().configType()));
    Set<Class<?>> seen = new LinkedHashSet<>();
    while (!pending.isEmpty()) {
      Type type = pending.pop();
      if (type instanceof ParameterizedType p) {
        pending.addAll(Arrays.asList(p.getActualTypeArguments()));
      } else if (type instanceof Class<?> c && c.isRecord() && c.getName().startsWith("io.github.pqlconnector")
          && seen.add(c)) {
        for (RecordComponent component : c.getRecordComponents()) {
          pending.add(component.getGenericType());
          holders.putIfAbsent(component.getType(), component);
        }
      }
    }
    return seen;
  }
}
