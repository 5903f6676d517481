package dev.toolverdicts.catalog.tool;

import dev.toolverdicts.events.catalog.Modality;
import dev.toolverdicts.events.catalog.PricingModel;
import dev.toolverdicts.events.catalog.ToolFacts;
import dev.toolverdicts.events.catalog.ToolLinks;
import dev.toolverdicts.events.catalog.ToolPricing;
import dev.toolverdicts.events.catalog.ToolStatus;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The catalog's tools in its own PostgreSQL. Writes check the version they replace (optimistic locking); every slug
 * a tool ever had stays in {@code tool_slug}, so reads by a former slug still find the tool.
 */
@Repository
class ToolRepository {

    static final String COLUMNS = """
            t.id, t.version, t.slug, t.name, t.vendor, t.category, t.tagline, t.description, t.license, t.status,
            t.created_at, t.updated_at, t.pricing_model, t.price_amount, t.price_currency, t.price_unit,
            t.parameters_billions, t.modalities, t.context_window, t.open_weights, t.release_date, t.model_version,
            t.homepage, t.model_card, t.logo_url""";

    private final JdbcClient jdbc;

    ToolRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The tool that has or had {@code slug}, if any. */
    Optional<UUID> slugOwner(String slug) {
        return jdbc.sql("select tool_id from tool_slug where slug = ?").param(slug).query(UUID.class).optional();
    }

    /** Throws {@link org.springframework.dao.DuplicateKeyException} when the slug was taken concurrently. */
    void insert(Tool tool) {
        ToolContent c = tool.content();
        jdbc.sql("""
                        insert into tool (id, version, slug, name, vendor, category, tagline, description, license,
                               status, created_at, updated_at, pricing_model, price_amount, price_currency, price_unit,
                               parameters_billions, modalities, context_window, open_weights, release_date,
                               model_version, homepage, model_card, logo_url)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::numeric[], ?::text[], ?, ?, ?, ?, ?, ?,
                                ?)""")
                .params(tool.id(), tool.version(), c.slug(), c.name(), c.vendor(), c.category(), c.tagline(),
                        c.description(), c.license(), tool.status().name(), Timestamp.from(tool.createdAt()),
                        Timestamp.from(tool.updatedAt()), c.pricing().model().name(), c.pricing().amount(),
                        c.pricing().currency(), c.pricing().unit(), arrayLiteral(c.facts().parametersBillions()),
                        arrayLiteral(c.facts().modalities()), c.facts().contextWindow(), c.facts().openWeights(),
                        c.facts().releaseDate(), c.facts().modelVersion(), c.links().homepage(), c.links().modelCard(),
                        c.logoUrl())
                .update();
        keepSlug(c.slug(), tool.id());
    }

    /**
     * Replaces the row only if it still holds the version before {@code tool}; false if someone got there first.
     * A new slug is added to the tool's slugs; throws {@link org.springframework.dao.DuplicateKeyException} when
     * another tool took it concurrently.
     */
    boolean update(Tool tool) {
        ToolContent c = tool.content();
        boolean replaced = jdbc.sql("""
                        update tool set version = ?, slug = ?, name = ?, vendor = ?, category = ?, tagline = ?,
                               description = ?, license = ?, status = ?, updated_at = ?, pricing_model = ?,
                               price_amount = ?, price_currency = ?, price_unit = ?,
                               parameters_billions = ?::numeric[], modalities = ?::text[], context_window = ?,
                               open_weights = ?, release_date = ?, model_version = ?, homepage = ?, model_card = ?,
                               logo_url = ?
                         where id = ? and version = ?""")
                .params(tool.version(), c.slug(), c.name(), c.vendor(), c.category(), c.tagline(), c.description(),
                        c.license(), tool.status().name(), Timestamp.from(tool.updatedAt()),
                        c.pricing().model().name(), c.pricing().amount(), c.pricing().currency(), c.pricing().unit(),
                        arrayLiteral(c.facts().parametersBillions()), arrayLiteral(c.facts().modalities()),
                        c.facts().contextWindow(), c.facts().openWeights(), c.facts().releaseDate(),
                        c.facts().modelVersion(), c.links().homepage(), c.links().modelCard(), c.logoUrl(), tool.id(),
                        tool.version() - 1)
                .update() == 1;
        if (replaced) {
            keepSlug(c.slug(), tool.id());
        }
        return replaced;
    }

    /** The tool that has or had {@code slug}; its current slug may differ. */
    Optional<Tool> findBySlug(String slug) {
        return jdbc.sql("select " + COLUMNS + " from tool_slug s join tool t on t.id = s.tool_id where s.slug = ?")
                .param(slug).query(ToolRepository::map).optional();
    }

    private void keepSlug(String slug, UUID toolId) {
        jdbc.sql("insert into tool_slug (slug, tool_id) values (?, ?) on conflict (slug) do nothing")
                .params(slug, toolId).update();
        UUID owner = slugOwner(slug).orElseThrow();
        if (!owner.equals(toolId)) {
            throw new DuplicateKeyException("slug " + slug + " belongs to tool " + owner);
        }
    }

    static Tool map(ResultSet rs, int row) throws SQLException {
        String model = rs.getString("pricing_model");
        ToolPricing pricing = model == null ? new ToolPricing(PricingModel.FREE, null, null, null, "Free")
                : pricing(PricingModel.valueOf(model), rs.getBigDecimal("price_amount"),
                        rs.getString("price_currency"), rs.getString("price_unit"));
        ToolFacts facts = new ToolFacts(numbers(rs.getArray("parameters_billions")),
                modalities(rs.getArray("modalities")), (Integer) rs.getObject("context_window"),
                (Boolean) rs.getObject("open_weights"), rs.getObject("release_date", LocalDate.class),
                rs.getString("model_version"));
        ToolContent content = new ToolContent(rs.getString("slug"), rs.getString("name"), rs.getString("vendor"),
                rs.getString("category"), rs.getString("tagline"), rs.getString("description"),
                rs.getString("license"), pricing, facts,
                new ToolLinks(rs.getString("homepage"), rs.getString("model_card")), rs.getString("logo_url"));
        return new Tool(rs.getObject("id", UUID.class), rs.getLong("version"), content,
                ToolStatus.valueOf(rs.getString("status")), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static ToolPricing pricing(PricingModel model, BigDecimal amount, String currency, String unit) {
        BigDecimal plain = amount == null ? null : ToolContent.plain(amount);
        return new ToolPricing(model, plain, currency, unit, EntryPrice.of(model, plain, currency, unit));
    }

    private static List<BigDecimal> numbers(Array array) throws SQLException {
        return array == null ? null : Arrays.stream((BigDecimal[]) array.getArray()).map(ToolContent::plain).toList();
    }

    private static List<Modality> modalities(Array array) throws SQLException {
        return array == null ? null : Arrays.stream((String[]) array.getArray()).map(Modality::valueOf).toList();
    }

    /** A PostgreSQL array literal of plain numbers or enum names (nothing that needs quoting), or null. */
    private static String arrayLiteral(List<?> values) {
        return values == null ? null : values.stream().map(v -> v instanceof BigDecimal d ? d.toPlainString()
                : v.toString()).collect(Collectors.joining(",", "{", "}"));
    }
}
