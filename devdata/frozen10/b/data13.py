D("https://www.ed.nl/eindhoven/eindhoven-versobert-dagbesteding-plan-raakt-duizend-clienten~af27ad80/","news",
"Los van de duizend cliënten waar het hier over gaat zijn er ook nog mensen die met een persoonsgebonden budget (pgb) zelf dagbesteding inkopen. Of het nieuwe beleid gevolgen voor hen heeft, was gisteren nog niet duidelijk.",
 U("Residents with a personal budget buy their own day care: a real purchase of care funded by the municipality; flag or commercial both defensible."))
D("https://www.nrc.nl/nieuws/2001/11/02/uitkeringsinstanties-reorganisatiemoe-7563494-a1199817","news",
"Een enthousiaste manager, een prachtig pand en een klantvriendelijke sfeer. Het Centrum voor Werk en Inkomen (CWI) in een Brabants stadje liep prima. De sociale dienst, het arbeidsbureau en het GAK werkten in dit centrum goed samen. De medewerkers hadden een duidelijk gezamenlijk doel: werk boven inkomen. Ofwel, uitkeringsgerechtigden aan het werk helpen.",
 F(["vriendelijke","gastvrije"],"Atmosphere of a public centre for work and income."))
u="https://www.nrc.nl/nieuws/1999/03/27/loket-of-draaideur-7440943-a708054"
D(u,"opinion","Kansmeters, een nationale sollicitantenbank, een Cliënt Volg en Communicatie Systeem, Arbodiensten en indicatiecommissies doen de rest. Dat alles wordt gelardeerd met een flinke dosis marktdenken, waarbij diensten kunnen worden ingekocht c.q. verkocht en financiële prikkels de toon zetten, spreekt voor zichzelf.",
 U("Buying in social-security services, described with critical distance ('marktdenken'); flag or distancing."))
D(u,"opinion","Voor de goede orde: het ging er dus om de effectiviteit van de uitvoering van de sociale zekerheid te vergroten en de daarbij betrokken organisaties klantvriendelijker te maken.",
 F(["vriendelijker voor uitkeringsgerechtigden","toegankelijker"],"Policy goal for social-security agencies, stated in market terms."))
