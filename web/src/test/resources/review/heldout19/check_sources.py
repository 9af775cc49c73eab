#!/usr/bin/env python3
"""Checks that no case of this round is sourced from a repository an earlier round or a precision set used.

Round 18's check, kept for round 19: the repositories of rounds 1 to 18 and of precision sets 1 to 14 (one file, 1,622
repositories), the precision-set repositories round 18's check names (by repository name, any owner, PRECISION below)
and the repositories of set 15 (a second file, written by another engineer during this round). A list file that does
not exist yet is reported and skipped, so that the check can run before set 15 is written and again after.
Run: python3 check_sources.py /tmp/s22/used-repos.txt /tmp/s22/set15-repos.txt   (owner/name per line)
Prints each case whose source repository is on one of those lists, then the counts; exits 1 when there is any.
"""
import glob, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
# Repositories of the held-out precision sets, by name (any owner): round 18's list (17's, 16's, 15's, 14's, 13's, set 9's).
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


def main(*lists, here=None, covered='rounds 1-18, the precision sets 1-14 or set 15'):
    """Checks the cases in ``here`` (this round's directory unless a later round's check passes its own)."""
    used = set()
    for path in lists:
        if not os.path.exists(path):
            print('list %s does not exist (yet): skipped' % path)
            continue
        used |= read_list(path)
    diffs = sorted(glob.glob(os.path.join(here or HERE, '*.diff')))
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
    print('%d cases, %d distinct source repositories, %d sourced from a repository of %s (lists of %d repositories) or '
          'named in PRECISION' % (len(diffs), len(repos), len(clashes), covered, len(used)))
    return 1 if clashes else 0


if __name__ == '__main__':
    sys.exit(main(*sys.argv[1:]))
