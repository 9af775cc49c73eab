#!/usr/bin/env python3
"""Checks that no case of this round is sourced from a repository an earlier round or a precision set used.

Round 19's check, kept for round 20: the repositories of rounds 1 to 19 and of precision sets 1 to 15 (one file, 1,674
repositories), the precision-set repositories round 19's check names (by repository name, any owner, PRECISION below)
and the repositories of set 16 (a second file, written by another engineer during this round). A list file that does
not exist yet is reported and skipped, so that the check can run before set 16 is written and again after.
Run: python3 check_sources.py /tmp/s23/used-repos.txt /tmp/s23/set16-repos.txt   (owner/name per line)
Prints each case whose source repository is on one of those lists, then the counts; exits 1 when there is any.
"""
import glob, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
# Repositories of the held-out precision sets, by name (any owner): round 19's list (18's, 17's, 16's, 15's, 14's, 13's,
# set 9's), unchanged.
PRECISION = set('''prometheus traefik caddy zookeeper dubbo rocketmq etcd minio nats-server gin resty nacos druid okhttp
hikaricp zuul go-redis gorm grpc-go jedis lettuce netty pgx spring-kafka tempo vert.x sentinel bun feign
httpcomponents-client kafka-go nsq raft resilience4j sarama xxl-job amqp091-go curator jdbi kit mybatis-3
rabbitmq-java-client retrofit watermill websocket hystrix async-http-client commons-pool eureka memberlist mysql
paho.mqtt.java pq redigo yamux apollo badger canal clickhouse-go dropwizard go-nsq spring-amqp work zipkin
rueidis juicefs rclone restic telegraf arthas hertzbeat undertow hutool crate
kitex centrifugo pulsar-client-go gf go-micro incubator-seata mongo-java-driver powerjob micrometer
cassandra-java-driver'''.split())


def read_list(path):
    with open(path) as fh:
        return {line.strip().lower() for line in fh if line.strip()}


def main(*lists):
    used = set()
    for path in lists:
        if not os.path.exists(path):
            print('list %s does not exist (yet): skipped' % path)
            continue
        used |= read_list(path)
    diffs = sorted(glob.glob(os.path.join(HERE, '*.diff')))
    repos, clashes = set(), []
    for diff in diffs:
        with open(diff, encoding='utf-8') as fh:
            source = next(line for line in fh if line.startswith('# source: '))
        repo = re.match(r'# source: https://github\.com/([^/]+/[^/\s]+)/', source).group(1).lower()
        repos.add(repo)
        if repo in used or repo.split('/')[1] in PRECISION:
            clashes.append('%s  %s' % (os.path.basename(diff), repo))
    for clash in clashes:
        print(clash)
    print('%d cases, %d distinct source repositories, %d sourced from a repository of rounds 1-19, the precision sets '
          '1-15 or set 16 (lists of %d repositories) or named in PRECISION' % (len(diffs), len(repos), len(clashes), len(used)))
    return 1 if clashes else 0


if __name__ == '__main__':
    sys.exit(main(*sys.argv[1:]))
