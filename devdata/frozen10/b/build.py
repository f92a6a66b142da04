import json,re,sys,glob
docs=[]
def D(src,genre,text,*labs):
    docs.append((src,genre,text,labs))
exec(open('data1.py').read())
for f in sorted(glob.glob('data*.py'),key=lambda x:int(x[4:-3])):
    if f!='data1.py': exec(open(f).read())
WORD=re.compile(r"[\w\-@.]+",re.U)
PAT=re.compile(r"klant|product|concern|inkoop|inkopen|ingekocht|inkoopt|inkocht|accountmanager|vraaggericht|casus",re.I)
SEP=re.compile(r"^(koop|koopt|kopen|kocht|kochten|kochte)$",re.I)
def term_of(w):
    l=w.lower()
    if 'accountmanager' in l: return 'accountmanager'
    if 'klantmanager' in l or 'klant-manager' in l: return 'klantmanager'
    if re.search(r'klantc?e?n?contact|klantenservice|klantcontact|klantenservice',l): return 'klantcontact'
    if re.search(r'klantgericht|klantvriendelijk|klanttevreden|klantentevreden|klantgerichtheid',l): return 'klantgericht'
    if 'klant' in l: return 'klant'
    if 'product' in l: return 'product'
    if 'concern' in l: return 'concern'
    if re.search(r'inko|ingekocht',l): return 'inkopen'
    if 'vraaggericht' in l: return 'vraaggericht'
    if 'casus' in l: return 'casus'
    return None
corpus=[];labels=[];errs=0
for i,(src,genre,text,labs) in enumerate(docs,1):
    did='f10b%04d'%i
    corpus.append({"id":did,"source":src,"genre":genre,"text":text})
    cands=[]
    for m in re.finditer(r"[^\s\"'“”‘’(),;:!?/]+",text):
        w=m.group(0); s,e=m.start(),m.end()
        # strip trailing/leading punctuation
        while e>s and text[e-1] in '.…': e-=1
        w=text[s:e]
        if PAT.search(w): cands.append((s,e,w))
        elif SEP.match(w): cands.append((s,e,w))
    labs=list(labs)
    # labs entries: (label, expected, note[, term]) or ('SKIP',)
    if len(labs)!=len(cands):
        errs+=1
        print('MISMATCH',did,src[:60],len(labs),'labels for',len(cands),'cands:',[c[2] for c in cands]); continue
    for (s,e,w),lab in zip(cands,labs):
        if lab[0]=='SKIP': continue
        label,exp,note=lab[0],lab[1],lab[2]
        t=lab[3] if len(lab)>3 else term_of(w)
        assert t, (did,w)
        assert text[s:e]==w
        assert label in ('flag','mention','commercial','other','unsure'),label
        if label=='flag': assert exp,(did,w)
        labels.append({"doc":did,"start":s,"end":e,"surface":w,"term":t,"label":label,"expected":exp if label=='flag' else [],"note":note})
if '-v' in sys.argv:
    for l in labels: print(l['doc'],l['surface'],l['term'],l['label'],l['expected'])
if errs: print('ERRORS',errs); sys.exit(1)
with open('corpus.jsonl','w') as f:
    for d in corpus: f.write(json.dumps(d,ensure_ascii=False)+'\n')
with open('labels.jsonl','w') as f:
    for l in labels: f.write(json.dumps(l,ensure_ascii=False)+'\n')
from collections import Counter
print(len(corpus),'docs',len(labels),'occ',len(set(d['source'].split('?')[0] for d in corpus)),'sources',Counter(l['label'] for l in labels))
