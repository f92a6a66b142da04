import sys,re
ks=set(l.strip().lower() for l in open('/tmp/known_sources.txt'))
kh=set(l.strip().lower() for l in open('/tmp/known_hosts.txt'))
def norm(u):
    u=u.lower().split('?')[0].split('#')[0]
    u=re.sub(r'^https?://','',u); u=re.sub(r'^www\.','',u)
    return u
for u in sys.argv[1:]:
    n=norm(u); h=n.split('/')[0]
    cands={n,n.rstrip('/'),n.rstrip('/')+'/'}
    print('KNOWN' if cands&ks else ('host-known' if h in kh else 'new'), u)
