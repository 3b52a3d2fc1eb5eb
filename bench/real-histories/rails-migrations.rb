# Turns a Rails application's migration history into golang-migrate files, by running it.
#
# Run inside the application (`rails runner`), connected to a scratch database. Every migration
# runs up, in order, and the SQL Active Record sends for it is recorded as <version>_<name>.up.sql;
# then every migration runs down, newest first, recorded as .down.sql. What is recorded is what a
# fresh install sends: data migrations that read rows record the statements those rows led to.
# Left out: reads (SELECT, SHOW, the adapter's schema queries), transaction control, session
# settings and Rails' own bookkeeping tables (schema_migrations, ar_internal_metadata), which the
# gate does not need.
#
# A down that raises ActiveRecord::IrreversibleMigration (or fails) gets no .down.sql; the state
# before it is then rebuilt from the recorded ups (a new database, the ups replayed), so the
# remaining downs still run on the state they belong to.
#
#   rails runner rails-migrations.rb <out dir>
require 'fileutils'

out = ARGV.fetch(0)
FileUtils.mkdir_p(out)

connection = ActiveRecord::Base.connection
# The session settings the migrations run under (Rails makes MySQL strict): the gate needs the same.
puts "sql_mode: #{connection.select_value('SELECT @@SESSION.sql_mode')}" if connection.adapter_name =~ /mysql/i
context = ActiveRecord::Base.connection.migration_context
migrations = context.migrations.sort_by(&:version)

IGNORED = /\A\s*(SELECT|SHOW|SET|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|PRAGMA|EXPLAIN|DESCRIBE)\b/i
BOOKKEEPING = /\b(schema_migrations|ar_internal_metadata)\b/i

recorded = nil
ActiveSupport::Notifications.subscribe('sql.active_record') do |*, payload|
  next if recorded.nil? || payload[:cached] || %w[SCHEMA TRANSACTION].include?(payload[:name])
  sql = payload[:sql].to_s.strip
  next if sql.empty? || sql =~ IGNORED || sql =~ BOOKKEEPING
  binds = payload[:type_casted_binds]
  binds = binds.call if binds.respond_to?(:call)
  unless binds.nil? || binds.empty?
    # Prepared statements (PostgreSQL) carry their values apart: put them in as literals.
    sql = sql.gsub(/\$(\d+)/) { connection.quote(binds[Regexp.last_match(1).to_i - 1]) }
  end
  recorded << sql.sub(/;\s*\z/, '')
end

def file_name(m)
  "#{m.version}_#{m.name.underscore}"
end

def write(path, statements)
  File.write(path, statements.map { |s| s + ";\n" }.join)
end

ups = {}
migrations.each do |m|
  recorded = []
  context.run(:up, m.version)
  ups[m.version] = recorded
  write(File.join(out, file_name(m) + '.up.sql'), recorded)
  recorded = nil
end

config = ActiveRecord::Base.connection_db_config
database = config.database
rebuild = lambda do |upto|
  c = ActiveRecord::Base.connection
  if config.adapter =~ /mysql/
    c.recreate_database(database)
    c.execute("USE #{c.quote_table_name(database)}")
  else
    c.execute('DROP SCHEMA public CASCADE')
    c.execute('CREATE SCHEMA public')
  end
  ActiveRecord::SchemaMigration.reset_column_information
  ActiveRecord::SchemaMigration.create_table
  migrations.each do |m|
    break if m.version >= upto
    ups[m.version].each { |sql| ActiveRecord::Base.connection.execute(sql) }
    ActiveRecord::SchemaMigration.create!(version: m.version.to_s)
  end
end

without = []
migrations.reverse_each do |m|
  recorded = []
  begin
    context.run(:down, m.version)
    write(File.join(out, file_name(m) + '.down.sql'), recorded)
  rescue StandardError => e
    without << "#{m.version} (#{(e.cause || e).class.name.split("::").last})"
    warn "no down for #{m.version}: #{(e.cause || e).message.lines.first.to_s.strip}"
    recorded = nil
    rebuild.call(m.version)
  end
  recorded = nil
end
puts "#{migrations.size} migrations recorded, #{migrations.size - without.size} with a down; without: #{without.join(', ')}"
