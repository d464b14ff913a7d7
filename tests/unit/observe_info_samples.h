#pragma once

// INFO of a Redis 5.0.5 master and its replica (plain, not cluster-enabled), captured with redis-cli
// from real servers after two SETs (redis-cli prints LF line ends; the parser reads both).

inline constexpr char kInfo505Master[] = R"INFO(
# Server
redis_version:5.0.5
redis_git_sha1:00000000
redis_git_dirty:0
redis_build_id:31c3c7c97fe05311
redis_mode:standalone
os:Linux 6.18.44-fc-v1272 x86_64
arch_bits:64
multiplexing_api:epoll
atomicvar_api:atomic-builtin
gcc_version:12.2.0
process_id:777
run_id:58f97c63b2c4b5da563800944ff66b2a970298ab
tcp_port:27401
uptime_in_seconds:3
uptime_in_days:0
hz:10
configured_hz:10
lru_clock:1471110
executable:/root/.cache/redis-servers/redis-5.0.5/src/redis-server
config_file:

# Clients
connected_clients:1
client_recent_max_input_buffer:2
client_recent_max_output_buffer:0
blocked_clients:0

# Memory
used_memory:1982712
used_memory_human:1.89M
used_memory_rss:4149248
used_memory_rss_human:3.96M
used_memory_peak:1982712
used_memory_peak_human:1.89M
used_memory_peak_perc:100.94%
used_memory_overhead:1980632
used_memory_startup:861248
used_memory_dataset:2080
used_memory_dataset_perc:0.19%
allocator_allocated:1931480
allocator_active:4111360
allocator_resident:4111360
total_system_memory:25276157952
total_system_memory_human:23.54G
used_memory_lua:37888
used_memory_lua_human:37.00K
used_memory_scripts:0
used_memory_scripts_human:0B
number_of_cached_scripts:0
maxmemory:0
maxmemory_human:0B
maxmemory_policy:noeviction
allocator_frag_ratio:2.13
allocator_frag_bytes:2179880
allocator_rss_ratio:1.00
allocator_rss_bytes:0
rss_overhead_ratio:1.01
rss_overhead_bytes:37888
mem_fragmentation_ratio:2.15
mem_fragmentation_bytes:2217768
mem_not_counted_for_evict:0
mem_replication_backlog:1052656
mem_clients_slaves:16922
mem_clients_normal:49694
mem_aof_buffer:0
mem_allocator:libc
active_defrag_running:0
lazyfree_pending_objects:0

# Persistence
loading:0
rdb_changes_since_last_save:2
rdb_bgsave_in_progress:0
rdb_last_save_time:1796633219
rdb_last_bgsave_status:ok
rdb_last_bgsave_time_sec:0
rdb_current_bgsave_time_sec:-1
rdb_last_cow_size:217088
aof_enabled:0
aof_rewrite_in_progress:0
aof_rewrite_scheduled:0
aof_last_rewrite_time_sec:-1
aof_current_rewrite_time_sec:-1
aof_last_bgrewrite_status:ok
aof_last_write_status:ok
aof_last_cow_size:0

# Stats
total_connections_received:4
total_commands_processed:8
instantaneous_ops_per_sec:1
total_net_input_bytes:290
total_net_output_bytes:285
instantaneous_input_kbps:0.05
instantaneous_output_kbps:0.05
rejected_connections:0
sync_full:1
sync_partial_ok:0
sync_partial_err:0
expired_keys:0
expired_stale_perc:0.00
expired_time_cap_reached_count:0
evicted_keys:0
keyspace_hits:0
keyspace_misses:0
pubsub_channels:0
pubsub_patterns:0
latest_fork_usec:3069
migrate_cached_sockets:0
slave_expires_tracked_keys:0
active_defrag_hits:0
active_defrag_misses:0
active_defrag_key_hits:0
active_defrag_key_misses:0

# Replication
role:master
connected_slaves:1
slave0:ip=127.0.0.1,port=27402,state=online,offset=77,lag=1
master_replid:e1c457daf44e539ad59afc1391db8939250546dc
master_replid2:0000000000000000000000000000000000000000
master_repl_offset:77
second_repl_offset:-1
repl_backlog_active:1
repl_backlog_size:1048576
repl_backlog_first_byte_offset:1
repl_backlog_histlen:77

# CPU
used_cpu_sys:0.021009
used_cpu_user:0.001403
used_cpu_sys_children:0.000000
used_cpu_user_children:0.004948

# Cluster
cluster_enabled:0

# Keyspace
db0:keys=2,expires=0,avg_ttl=0
)INFO";

inline constexpr char kInfo505Replica[] = R"INFO(
# Server
redis_version:5.0.5
redis_git_sha1:00000000
redis_git_dirty:0
redis_build_id:31c3c7c97fe05311
redis_mode:standalone
os:Linux 6.18.44-fc-v1272 x86_64
arch_bits:64
multiplexing_api:epoll
atomicvar_api:atomic-builtin
gcc_version:12.2.0
process_id:778
run_id:48c299d1ec512e6db991eb5e5dfef9df6f9dbfb4
tcp_port:27402
uptime_in_seconds:3
uptime_in_days:0
hz:10
configured_hz:10
lru_clock:1471110
executable:/root/.cache/redis-servers/redis-5.0.5/src/redis-server
config_file:

# Clients
connected_clients:2
client_recent_max_input_buffer:4
client_recent_max_output_buffer:0
blocked_clients:0

# Memory
used_memory:1982880
used_memory_human:1.89M
used_memory_rss:4108288
used_memory_rss_human:3.92M
used_memory_peak:1982880
used_memory_peak_human:1.89M
used_memory_peak_perc:100.94%
used_memory_overhead:1980744
used_memory_startup:861360
used_memory_dataset:2136
used_memory_dataset_perc:0.19%
allocator_allocated:1931648
allocator_active:4070400
allocator_resident:4070400
total_system_memory:25276157952
total_system_memory_human:23.54G
used_memory_lua:37888
used_memory_lua_human:37.00K
used_memory_scripts:0
used_memory_scripts_human:0B
number_of_cached_scripts:0
maxmemory:0
maxmemory_human:0B
maxmemory_policy:noeviction
allocator_frag_ratio:2.11
allocator_frag_bytes:2138752
allocator_rss_ratio:1.00
allocator_rss_bytes:0
rss_overhead_ratio:1.01
rss_overhead_bytes:37888
mem_fragmentation_ratio:2.13
mem_fragmentation_bytes:2176640
mem_not_counted_for_evict:0
mem_replication_backlog:1052656
mem_clients_slaves:0
mem_clients_normal:66616
mem_aof_buffer:0
mem_allocator:libc
active_defrag_running:0
lazyfree_pending_objects:0

# Persistence
loading:0
rdb_changes_since_last_save:2
rdb_bgsave_in_progress:0
rdb_last_save_time:1796633219
rdb_last_bgsave_status:ok
rdb_last_bgsave_time_sec:-1
rdb_current_bgsave_time_sec:-1
rdb_last_cow_size:0
aof_enabled:0
aof_rewrite_in_progress:0
aof_rewrite_scheduled:0
aof_last_rewrite_time_sec:-1
aof_current_rewrite_time_sec:-1
aof_last_bgrewrite_status:ok
aof_last_write_status:ok
aof_last_cow_size:0

# Stats
total_connections_received:1
total_commands_processed:3
instantaneous_ops_per_sec:1
total_net_input_bytes:266
total_net_output_bytes:69
instantaneous_input_kbps:0.05
instantaneous_output_kbps:0.02
rejected_connections:0
sync_full:0
sync_partial_ok:0
sync_partial_err:0
expired_keys:0
expired_stale_perc:0.00
expired_time_cap_reached_count:0
evicted_keys:0
keyspace_hits:0
keyspace_misses:0
pubsub_channels:0
pubsub_patterns:0
latest_fork_usec:0
migrate_cached_sockets:0
slave_expires_tracked_keys:0
active_defrag_hits:0
active_defrag_misses:0
active_defrag_key_hits:0
active_defrag_key_misses:0

# Replication
role:slave
master_host:127.0.0.1
master_port:27401
master_link_status:up
master_last_io_seconds_ago:1
master_sync_in_progress:0
slave_repl_offset:77
slave_priority:100
slave_read_only:1
connected_slaves:0
master_replid:e1c457daf44e539ad59afc1391db8939250546dc
master_replid2:0000000000000000000000000000000000000000
master_repl_offset:77
second_repl_offset:-1
repl_backlog_active:1
repl_backlog_size:1048576
repl_backlog_first_byte_offset:1
repl_backlog_histlen:77

# CPU
used_cpu_sys:0.013171
used_cpu_user:0.005967
used_cpu_sys_children:0.000000
used_cpu_user_children:0.000000

# Cluster
cluster_enabled:0

# Keyspace
db0:keys=2,expires=0,avg_ttl=0
)INFO";
